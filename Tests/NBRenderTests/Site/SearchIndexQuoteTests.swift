import Foundation
import Testing
@testable import NBRender

@Suite struct SearchIndexQuoteTests {
    @Test func escapesWhatJSONAndInlineHTMLNeed() {
        #expect(SearchIndex.quote("a\"b\\c\nd\re\tf<g\u{1}\u{1F}\u{2028}\u{2029}h") == #""a\"b\\c\nd\re\tf\u003cg\u0001\u001f\u2028\u2029h""#)
        #expect(SearchIndex.quote("∂L/∂w ‖w‖ … 自动求导 🙂") == "\"∂L/∂w ‖w‖ … 自动求导 🙂\"")
        #expect(SearchIndex.quote("") == "\"\"")
    }

    /// Agrees with a scalar-by-scalar implementation on generated text, including the other
    /// characters whose UTF-8 starts with E2 (U+2000…U+2FFF) around the two escaped ones.
    @Test func agreesWithAReferenceImplementation() {
        let pieces = ["\"", "\\", "\n", "\r", "\t", "<", ">", "\u{0}", "\u{7}", "\u{1F}", "\u{7F}", "\u{2027}", "\u{2028}", "\u{2029}",
                      "\u{202A}", "\u{2000}", "…", "∂", "‖", "\u{E2}", "x", "自动", "é", "🙂", " "]
        var generator = SplitMix(seed: 7)
        for _ in 0..<500 {
            let count = Int(generator.next() % 20)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(SearchIndex.quote(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    static func reference(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
