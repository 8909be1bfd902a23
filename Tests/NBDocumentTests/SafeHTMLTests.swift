import Testing
@testable import NBDocument

@Suite struct SafeHTMLTests {
    static let hostile = """
    <script>alert(1)</script>

    A [click](javascript:alert(1)) and [vb](VBScript:x) and [f](file:///etc/passwd) and \
    [d](data:text/html;base64,PHNjcmlwdD4=) and ![ok](data:image/png;base64,AAAA) and <b onclick="x">bold</b>.

    """

    private func html(_ document: Document) -> String {
        document.blocks.map { block -> String in
            if case .prose(let prose) = block { prose.html } else { "" }
        }.joined()
    }

    @Test func rawHTMLAndDangerousLinksDroppedByDefault() throws {
        let page = html(try DocumentParser.parse(Self.hostile))
        #expect(!page.contains("<script"))
        #expect(!page.contains("javascript:"))
        #expect(!page.lowercased().contains("vbscript:"))
        #expect(!page.contains("file:"))
        #expect(!page.contains("data:text/html"))
        #expect(!page.contains("onclick"))
        #expect(page.contains("data:image/png;base64,AAAA"))
        #expect(page.contains(">click</a>"))
    }

    @Test func keptWithUnsafeHTML() throws {
        let page = html(try DocumentParser.parse("---\nnb: {unsafe_html: true}\n---\n" + Self.hostile))
        #expect(page.contains("<script>alert(1)</script>"))
        #expect(page.contains("href=\"javascript:alert(1)\""))
        #expect(page.contains("<b onclick=\"x\">"))
    }

    @Test func dangerousSchemes() {
        #expect(LinkSafety.isDangerous("JavaScript:alert(1)"))
        #expect(LinkSafety.isDangerous("data:text/html,x"))
        #expect(!LinkSafety.isDangerous("data:image/webp;base64,x"))
        #expect(!LinkSafety.isDangerous("https://example.com/javascript:"))
        #expect(LinkSafety.href("https://a.b/c d?x=1&y='2'", unsafe: false) == "https://a.b/c%20d?x=1&amp;y=&#x27;2&#x27;")
        #expect(LinkSafety.href("javascript:x", unsafe: false) == "")
    }

    @Test func listOfDangerousLinksKeepsTitlesButNoURL() throws {
        let document = try DocumentParser.parse("- [Evil](javascript:alert(1))\n- [Good](https://example.com)\n")
        #expect(document.references.map(\.url) == [nil, "https://example.com"])
        #expect(document.references.map(\.title) == ["Evil", "Good"])
    }
}
