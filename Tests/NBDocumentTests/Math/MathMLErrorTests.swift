import Testing
@testable import NBDocument

/// Bad input never throws, crashes or disappears: it shows as `<merror>` with a diagnostic.
struct MathMLErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var tex: String
        var mathML: String
        var diagnostics: [LocatedMessage]
        var testDescription: String { tex.debugDescription }
    }

    static let cases: [Case] = [
        Case(tex: "\\foo", mathML: "<merror><mtext>\\foo</mtext></merror>",
             diagnostics: [LocatedMessage(message: "unknown command \\foo", line: 1, column: 1)]),
        Case(tex: "x + \\foo{y}", mathML: "<mrow><mi>x</mi><mo>+</mo><merror><mtext>\\foo</mtext></merror><mi>y</mi></mrow>",
             diagnostics: [LocatedMessage(message: "unknown command \\foo", line: 1, column: 5)]),
        Case(tex: "a +\n  \\bar{y} \\nope", mathML: "<mrow><mi>a</mi><mo>+</mo><mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">¯</mo></mover><merror><mtext>\\nope</mtext></merror></mrow>",
             diagnostics: [LocatedMessage(message: "unknown command \\nope", line: 2, column: 11)]),
        Case(tex: "{x", mathML: "<mi>x</mi>",
             diagnostics: [LocatedMessage(message: "missing } for the { opened here", line: 1, column: 1)]),
        Case(tex: "x}", mathML: "<mrow><mi>x</mi><merror><mtext>}</mtext></merror></mrow>",
             diagnostics: [LocatedMessage(message: "unmatched }", line: 1, column: 2)]),
        Case(tex: "\\frac{a}", mathML: "<mfrac><mi>a</mi><mrow></mrow></mfrac>",
             diagnostics: [LocatedMessage(message: "missing argument for \\frac", line: 1, column: 1)]),
        Case(tex: "x^", mathML: "<msup><mi>x</mi><mrow></mrow></msup>",
             diagnostics: [LocatedMessage(message: "missing argument for ^", line: 1, column: 2)]),
        Case(tex: "x^1^2", mathML: "<mrow><msup><mi>x</mi><mn>1</mn></msup><msup><mrow></mrow><mn>2</mn></msup></mrow>",
             diagnostics: [LocatedMessage(message: "double superscript", line: 1, column: 4)]),
        Case(tex: "\\left( x", mathML: "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"true\">(</mo><mi>x</mi></mrow>",
             diagnostics: [LocatedMessage(message: "missing \\right for this \\left", line: 1, column: 1)]),
        Case(tex: "x \\right)", mathML: "<mrow><mi>x</mi><merror><mtext>\\right)</mtext></merror></mrow>",
             diagnostics: [LocatedMessage(message: "\\right without a matching \\left", line: 1, column: 3)]),
        Case(tex: "\\begin{matrix} a", mathML: "<mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable>",
             diagnostics: [LocatedMessage(message: "missing \\end{matrix}", line: 1, column: 1)]),
        Case(tex: "\\begin{matrix} a \\end{pmatrix}", mathML: "<mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable>",
             diagnostics: [LocatedMessage(message: "\\begin{matrix} ended by \\end{pmatrix}", line: 1, column: 18)]),
        Case(tex: "\\begin{weird} a \\end{weird}", mathML: "<mtable><mtr><mtd><mi>a</mi></mtd></mtr></mtable>",
             diagnostics: [LocatedMessage(message: "unknown environment weird; its cells are shown as a plain table", line: 1, column: 1)]),
        Case(tex: "{a & b}", mathML: "<mrow><mi>a</mi><merror><mtext>&amp;</mtext></merror><mi>b</mi></mrow>",
             diagnostics: [LocatedMessage(message: "misplaced &: alignment only works directly inside an environment or a display formula", line: 1, column: 4)]),
        Case(tex: "\\text{a \\oops b}", mathML: "<mrow><mtext>a </mtext><merror><mtext>\\oops</mtext></merror><mtext>b</mtext></mrow>",
             diagnostics: [LocatedMessage(message: "unknown command \\oops in text", line: 1, column: 9)]),
        Case(tex: "x \\", mathML: "<mrow><mi>x</mi><merror><mtext>\\</mtext></merror></mrow>",
             diagnostics: [LocatedMessage(message: "a lone \\ at the end of the formula", line: 1, column: 3)]),
        Case(tex: "\\color{red;x}y", mathML: "<mi>y</mi>",
             diagnostics: [LocatedMessage(message: "unsupported color \"red;x\": use a CSS color name or #rrggbb", line: 1, column: 1)]),
        Case(tex: "50%", mathML: "<mrow><mn>50</mn><merror><mtext>%</mtext></merror></mrow>",
             diagnostics: [LocatedMessage(message: "% starts a comment that hides the rest of the formula; write \\% for a percent sign", line: 1, column: 3)]),
        Case(tex: "a % note\n+ b", mathML: "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>", diagnostics: []),
        Case(tex: "\\textcolor{red}{x}", mathML: "<mstyle mathcolor=\"red\"><mi>x</mi></mstyle>", diagnostics: []),
    ]

    @Test(arguments: cases)
    func reportsAndShows(_ example: Case) {
        let (_, diagnostics) = MathML.render(example.tex, display: false)
        #expect(mathBody(example.tex) == example.mathML)
        #expect(diagnostics.map(LocatedMessage.init) == example.diagnostics)
    }

    /// Inputs that would overflow a naive recursive parser. Each must finish, stay well-formed and
    /// keep the unconverted rest visible.
    static let deepInputs: [(String, String)] = [
        ("10,000 {", String(repeating: "{", count: 10_000)),
        ("10,000 {x}", String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)),
        ("\\frac chain", String(repeating: "\\frac", count: 10_000)),
        ("\\sqrt chain", String(repeating: "\\sqrt", count: 10_000)),
        ("\\left( chain", String(repeating: "\\left(", count: 10_000)),
        ("x^ chain", String(repeating: "x^", count: 10_000)),
        ("x^{ chain", String(repeating: "x^{", count: 10_000)),
        ("\\begin{matrix} chain", String(repeating: "\\begin{matrix}", count: 5_000)),
        ("\\mathbf chain", String(repeating: "\\mathbf{", count: 10_000)),
        ("\\text{ chain", String(repeating: "\\text{", count: 10_000)),
        ("\\dot chain", String(repeating: "\\dot", count: 10_000) + "x"),
        ("\\sqrt[ chain", String(repeating: "\\sqrt[", count: 2_000)),
    ]

    @Test func deepNestingNeitherCrashesNorHides() {
        for (name, tex) in Self.deepInputs {
            let (mathML, diagnostics) = MathML.render(tex, display: true)
            #expect(isBalanced(mathML), "\(name)")
            #expect(!diagnostics.isEmpty || !mathML.contains("<merror>"), "\(name)")
            #expect(diagnostics.count <= TeXParser.maximumDiagnostics + 1, "\(name)")
        }
        let (mathML, diagnostics) = MathML.render(String(repeating: "{", count: 10_000), display: false)
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test func flatRepetitionIsFine() {
        // Long but flat input: no nesting limit, every piece converted.
        let tex = String(repeating: "a_b", count: 5_000)
        let (mathML, diagnostics) = MathML.render(tex, display: false)
        #expect(diagnostics.isEmpty)
        #expect(mathML.components(separatedBy: "<msub>").count - 1 == 5_000)
    }

    /// Random token soup: always well-formed output, never a crash, never an empty result for
    /// non-empty input.
    @Test func randomInputIsAlwaysWellFormed() {
        let pieces = ["{", "}", "^", "_", "\\frac", "\\left(", "\\right)", "\\begin{matrix}", "\\end{matrix}",
                      "&", "\\\\", "x", "1", "\\alpha", "\\foo", "'", "\\sqrt[", "]", "\\text{", "$", "#", "%",
                      "\\over", "\\middle|", "\\mathbf", "<", "&amp;", "中", "\\", " ", "\n", "\\limits",
                      "\\not", "\\widehat", "\\underline", "\u{301}", "\\tag{", "\\substack{", "\\xrightarrow["]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var tex = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 58) + 1
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                tex += pieces[Int(state >> 33) % pieces.count]
            }
            let (mathML, _) = MathML.render(tex, display: state & 1 == 0)
            #expect(isBalanced(mathML), "\(tex.debugDescription)")
            #expect(mathML.contains("<annotation encoding=\"application/x-tex\">"))
        }
    }
}

/// Whether the MathML's tags nest properly (a cheap well-formedness check).
func isBalanced(_ markup: String) -> Bool {
    var stack: [Substring] = []
    var rest = Substring(markup)
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { return false }
        let tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasSuffix("/") { continue }
        if tag.hasPrefix("/") {
            guard let last = stack.popLast(), last == tag.dropFirst() else { return false }
        } else {
            stack.append(tag.prefix { $0 != " " })
        }
    }
    return stack.isEmpty && !rest.contains(">")
}
