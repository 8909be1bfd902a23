import Testing
@testable import NBDocument

/// The one URL sanitiser against evasion vectors: whatever it lets through, a browser parses as
/// http, https, mailto or a relative URL.
@Suite struct LinkSafetyTests {
    /// URLs whose scheme a browser reads as a script or document scheme.
    static let refused: [String] = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "JAVASCRIPT:alert(1)",
        "java\tscript:alert(document.domain)", "java\nscript:alert(1)", "java\rscript:alert(1)",
        "jav\t\n\rascript:alert(1)", "javascript\t:alert(1)", "\u{1}javascript:alert(1)", "\u{0}javascript:alert(1)",
        " javascript:alert(1)", "\u{1F}\u{20}\u{8}javascript:alert(1)", "\tjavascript:alert(1)\n",
        "javascript:/*https://example.com*/alert(1)", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "vb\tscript:x",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "DATA:text/html,<script>alert(1)</script>",
        "data:image/svg+xml,<svg onload=alert(1)>", "\u{C}data:text/html,x", "file:///etc/passwd",
        "ftp://example.com/x", "blob:https://example.com/uuid", "x-unknown+scheme.v1:payload",
    ]

    /// URLs kept (percent-encoded): allowed schemes, relative URLs, and strings whose would-be
    /// scheme a browser does not see (entities and percent-escapes are not decoded in a URL).
    static let kept: [(String, String)] = [
        ("https://example.com/a b?x=1&y='2'", "https://example.com/a%20b?x=1&amp;y=&#x27;2&#x27;"),
        ("HTTP://Example.com", "HTTP://Example.com"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("  https://example.com/\t", "https://example.com/"),
        ("https://exa\tmple.com/", "https://example.com/"),
        ("https://example.com?find=\\*", "https://example.com?find=%5C*"),
        ("https://example.com/`x\"<y>", "https://example.com/%60x%22%3Cy%3E"),
        ("/relative/path", "/relative/path"), ("#ref-1", "#ref-1"), ("//example.com/p", "//example.com/p"),
        ("notes.md#part", "notes.md#part"),
        ("java&#9;script:alert(1)", "java&amp;#9;script:alert(1)"),
        ("&#106;avascript:alert(1)", "&amp;#106;avascript:alert(1)"),
        ("javascript%3Aalert(1)", "javascript%3Aalert(1)"),
        ("%6Aavascript:alert(1)", "%6Aavascript:alert(1)"),
        ("\u{A0}javascript:alert(1)", "%C2%A0javascript:alert(1)"),
        ("\u{2028}javascript:alert(1)", "%E2%80%A8javascript:alert(1)"),
        ("java script:alert(1)", "java%20script:alert(1)"),
        ("1javascript:alert(1)", "1javascript:alert(1)"),
        ("日本/路径", "%E6%97%A5%E6%9C%AC/%E8%B7%AF%E5%BE%84"),
    ]

    @Test(arguments: refused) func refusesScriptSchemes(_ url: String) {
        #expect(LinkSafety.attribute(url) == nil)
        #expect(!LinkSafety.isAllowed(url))
    }

    @Test(arguments: kept) func keepsSafeURLs(_ url: String, _ attribute: String) {
        #expect(LinkSafety.attribute(url) == attribute)
        #expect(LinkSafety.isAllowed(url))
    }

    /// What the browser reads back from a written attribute has no control or space, and its
    /// scheme (if any) is allowed.
    @Test(arguments: refused + kept.map(\.0)) func attributeNeverHidesAScheme(_ url: String) {
        guard let attribute = LinkSafety.attribute(url) else { return }
        #expect(!attribute.unicodeScalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>`\\".unicodeScalars.contains($0) })
        let decoded = attribute.replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        #expect(LinkSafety.scheme(of: decoded).map(LinkSafety.allowedSchemes.contains) ?? true)
    }

    @Test func schemes() {
        #expect(LinkSafety.scheme(of: "java\tscript:x") == "javascript")
        #expect(LinkSafety.scheme(of: "\u{1}HTTPS://x") == "https")
        #expect(LinkSafety.scheme(of: "a+b-c.d:x") == "a+b-c.d")
        #expect(LinkSafety.scheme(of: "/a:b") == nil)
        #expect(LinkSafety.scheme(of: ":x") == nil)
        #expect(LinkSafety.scheme(of: "no-colon") == nil)
    }

    /// Paths nb makes itself (site navigation, backlinks) stay relative even when a file name
    /// reads as a scheme.
    @Test func relativePaths() {
        #expect(LinkSafety.relativeAttribute("javascript:alert(1).html") == "./javascript:alert(1).html")
        #expect(LinkSafety.relativeAttribute("dl/post.html#ref-1") == "dl/post.html#ref-1")
        #expect(LinkSafety.relativeAttribute("../a b/自动.html") == "../a%20b/%E8%87%AA%E5%8A%A8.html")
        #expect(LinkSafety.relativeAttribute("java\tscript:x.html") == "java%09script:x.html")
        #expect(LinkSafety.relativeAttribute("it's&.html") == "it&#x27;s&amp;.html")
    }
}
