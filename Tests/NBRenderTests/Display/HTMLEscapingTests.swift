import NBDocument
import Testing
@testable import NBRender

@Suite struct HTMLEscapingTests {
    @Test func escapesScriptTags() {
        #expect(HTMLEscaping.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
    }

    @Test func escapesQuotesSoAttributesCannotBeClosed() {
        #expect(HTMLEscaping.escape("\" onerror=\"x") == "&quot; onerror=&quot;x")
        #expect(HTMLEscaping.escape("' onload='y") == "&#39; onload=&#39;y")
    }

    @Test func escapesAmpersandsEvenInsideEntities() {
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
        #expect(HTMLEscaping.escape("a & b") == "a &amp; b")
    }

    @Test func leavesPlainAndNonASCIITextAlone() {
        for text in ["", "plain text", "θ = 0.5, ε² = 0", "自动微分", "10⁻¹⁶ ✓ ✗", "tab\tnew\nline\r"] {
            #expect(HTMLEscaping.escape(text) == text)
        }
    }

    @Test func replacesControlCharactersXMLForbids() {
        #expect(HTMLEscaping.escape("a\u{0}b\u{1B}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    /// Unescaping the five references gives back the original, for text without control characters.
    @Test func roundTripsThroughAnUnescape() {
        let alphabet = Array("<>&\"' aé中;#x1")
        var state: UInt64 = 7
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let escaped = HTMLEscaping.escape(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            #expect(unescape(escaped) == text)
        }
    }

    private func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
