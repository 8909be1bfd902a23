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

    @Test func listOfDangerousLinksKeepsTitlesButNoURL() throws {
        let document = try DocumentParser.parse("## References\n\n- [Evil](javascript:alert(1))\n- [Good](https://example.com)\n")
        #expect(document.references.map(\.url) == [nil, "https://example.com"])
        #expect(document.references.map(\.title) == ["Evil", "Good"])
    }

    /// Issue 12: a tab (here as `&#9;`) inside the scheme of a link-list entry reached `href`.
    @Test func controlCharactersInAReferenceSchemeDropTheURL() throws {
        let document = try DocumentParser.parse("# References\n\n- [click me](java&#9;script:alert(document.domain))\n- [x](<\u{1}javascript:alert(1)>)\n")
        #expect(document.references.map(\.title) == ["click me", "x"])
        #expect(document.references.map(\.url) == [nil, nil])
    }
}
