import Testing
@testable import NBDocument

/// Hostile TeX: chains that recurse, switches that nest, arguments that never close. Each must
/// finish without crashing, keep the output well-formed and the bad part visible. (How the time
/// grows with the input is measured by `nb-bench math-scaling`, not here.)
@Suite struct MathHostileInputTests {
    static let inputs: [(String, String)] = [
        ("100,000 nested {", String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)),
        ("100,000 \\not", String(repeating: "\\not", count: 100_000) + "="),
        ("50,000 \\color", String(repeating: "\\color{red}x", count: 50_000)),
        ("50,000 \\displaystyle", String(repeating: "\\displaystyle x", count: 50_000)),
        ("50,000 \\left( without \\right", String(repeating: "\\left( x ", count: 50_000)),
        ("5,000 \\sqrt[ without ]", String(repeating: "\\sqrt[x ", count: 5_000)),
        ("5,000 \\xrightarrow[ without ]", String(repeating: "\\xrightarrow[x ", count: 5_000)),
        ("\\frac chain", String(repeating: "\\frac{a}{b}+", count: 5_000)),
        ("nested \\frac", String(repeating: "\\frac1", count: 50_000) + "2"),
        ("array with 10,000 rows", "\\begin{array}{cc}" + String(repeating: "a & b \\\\ ", count: 10_000) + "\\end{array}"),
        ("10,000 \\\\ outside an environment", String(repeating: "x \\\\ ", count: 10_000)),
    ]

    @Test func finishesWellFormedAndVisible() {
        for (name, tex) in Self.inputs {
            let (mathML, diagnostics) = MathML.render(tex, display: true)
            #expect(isBalanced(mathML), "\(name)")
            #expect(mathML.hasSuffix("</annotation></semantics></math>"), "\(name)")
            #expect(!diagnostics.isEmpty || !mathML.contains("<merror>"), "\(name)")
            #expect(diagnostics.count <= TeXParser.maximumDiagnostics + 1, "\(name)")
        }
    }

    @Test func negationChainIsCutAtTheNestingLimit() {
        // Recursed once per `\not` with no limit: 100,000 levels overflowed the stack.
        let (mathML, diagnostics) = MathML.render(String(repeating: "\\not", count: 100_000) + "=", display: false)
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.first?.message.contains("nested more than") == true)
        #expect(MathML.render("\\not\\not=", display: false).diagnostics.isEmpty)
    }

    @Test func styleSwitchesCountAsNesting() {
        // Each switch wraps the rest of the row in one more <mstyle>: 100,000 of them made a tree
        // too deep to write or free.
        let (mathML, diagnostics) = MathML.render(String(repeating: "\\color{red}x", count: 100_000), display: false)
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.first?.message.contains("nested more than") == true)
        // A few switches are fine and still nest.
        let few = MathML.render("\\color{red}a\\color{blue}b", display: false)
        #expect(few.diagnostics.isEmpty)
        #expect(few.mathML.contains("<mstyle mathcolor=\"red\"><mi>a</mi><mstyle mathcolor=\"blue\"><mi>b</mi></mstyle></mstyle>"))
    }

    @Test func longOperatorNameIsOneIdentifier() {
        let letters = String(repeating: "a", count: 200_000)
        let (mathML, diagnostics) = MathML.render("\\operatorname{\(letters)}", display: false)
        #expect(diagnostics.isEmpty)
        #expect(mathML.contains("<mi>\(letters)</mi>"))
        #expect(mathBody("\\mathrm{ab}c\\mathrm{d}") == "<mrow><mi>ab</mi><mi>c</mi><mi mathvariant=\"normal\">d</mi></mrow>")
    }

    @Test func optionalArgumentWithoutBracketKeepsTheBracket() {
        // No `]` anywhere: the `[` stays an ordinary bracket, whether or not an earlier scan failed.
        #expect(mathBody("\\sqrt[a + \\sqrt[b") == mathBody("\\sqrt{[}a + \\sqrt{[}b"))
    }

    @Test func closerTableAgreesWithTheScan() {
        // The table answers "does the `[` whose content starts here have its `]`" like the scan.
        let alphabet: [UInt8] = Array("{}[]a".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 59) + 1
            var bytes: [UInt8] = []
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            bytes.withUnsafeBufferPointer { buffer in
                let table = OptionalCloserTable(buffer)
                for start in 0...buffer.count {
                    var level = 0
                    var found = false
                    for index in start..<buffer.count {
                        if buffer[index] == UInt8(ascii: "{") { level += 1 }
                        if buffer[index] == UInt8(ascii: "}") { level -= 1 }
                        if buffer[index] == UInt8(ascii: "]") && level <= 0 { found = true; break }
                    }
                    #expect(table.hasCloser(after: start) == found, "\(String(decoding: buffer, as: UTF8.self)) @\(start)")
                }
            }
        }
    }

    @Test func documentWithHostileMathRenders() throws {
        let markdown = "Text $" + String(repeating: "\\not", count: 50_000) + "=$ and $$"
            + String(repeating: "\\color{red}", count: 50_000) + "x$$.\n"
        let document = try DocumentParser.parse(markdown)
        #expect(document.diagnostics.count >= 2)
        #expect(document.diagnostics.allSatisfy { $0.location.line == 1 })
    }
}
