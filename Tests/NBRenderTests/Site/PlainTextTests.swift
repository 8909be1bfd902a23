import Foundation
import Testing
@testable import NBRender

@Suite struct PlainTextTests {
    @Test func dropsTagsAndMathSourcesAndDecodesEntities() {
        let html = """
        <p>Dual numbers</p><p>If <math><mi>ε</mi><annotation encoding="application/x-tex">\\varepsilon^2</annotation></math> \
        squares to 0, &lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; &amp;lt; stays.</p><p>自动求导\n\t  works<br>too</p>\
        <ul><li>one</li><li>two</li></ul><pre>x</pre>
        """
        #expect(PlainText.from(html: html) == "Dual numbers If ε squares to 0, <a> & \"b\" 'c' &lt; stays. 自动求导 works too one two x")
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(PlainText.from(html: "") == "")
        #expect(PlainText.from(html: " \n\t<p> </p>\n") == "")
        #expect(PlainText.from(html: "<p>unclosed <b") == "unclosed")
    }

    /// Agrees with a straightforward Character-and-Foundation implementation on generated fragments.
    @Test func agreesWithAReferenceImplementation() {
        let pieces = ["<p>", "</p>", "<br>", "<br/>", "<li>", "</li>", "<annotation encoding=\"tex\">", "</annotation>",
                      "<math>", "</math>", "<a href=\"x.md\">", "</a>", "&lt;", "&gt;", "&amp;", "&quot;", "&#39;", "&amp;lt;",
                      "&", ";", "<", ">", " ", "  ", "\n", "\t", "x", "word", "自动", "é", "🙂", "/p", "annotation"]
        var generator = SplitMix(seed: 42)
        for _ in 0..<400 {
            let count = Int(generator.next() % 30)
            let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(PlainText.from(html: html) == Self.reference(html), "\(html.debugDescription)")
        }
    }

    /// The first implementation: Characters, then Foundation's `replacingOccurrences` in sequence.
    static func reference(_ html: String) -> String {
        var out = "", tag = ""
        var inTag = false, inAnnotation = false
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    if tag.hasPrefix("annotation") { inAnnotation = true } else if tag.hasPrefix("/annotation") { inAnnotation = false }
                    if tag.hasPrefix("/p") || tag.hasPrefix("br") || tag.hasPrefix("/li") { out += " " }
                } else { tag.append(c) }
            } else if c == "<" { inTag = true; tag = "" } else if !inAnnotation { out.append(c) }
        }
        let decoded = out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}

/// A small seeded generator for test inputs (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
