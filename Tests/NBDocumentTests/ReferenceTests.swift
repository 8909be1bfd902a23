import Testing
@testable import NBDocument

@Suite struct ReferenceTests {
    @Test func bareURLsWithTitlesFormOneBibliography() throws {
        let document = try DocumentParser.parse("""
        ## Reading

        https://example.com/a

        First title

        https://example.org/b
        https://example.net/c

        Third title

        https://example.com/d

        Closing prose that is a paragraph.
        With two lines, so not a title.

        """)
        let bibliographies = document.blocks.compactMap { if case .bibliography(let b) = $0 { b } else { nil } }
        #expect(bibliographies.count == 1)
        let references = document.references
        #expect(references.map(\.url) == ["https://example.com/a", "https://example.org/b", "https://example.net/c", "https://example.com/d"])
        #expect(references.map(\.title) == ["First title", nil, "Third title", nil])
        #expect(references.map(\.id) == ["1", "2", "3", "4"])
        #expect(references.map(\.location.line) == [3, 7, 7, 12])
        #expect(BibliographyEntry(references[1]).host == "example.org")
        guard case .prose(let prose)? = document.blocks.last else { Issue.record("prose expected"); return }
        #expect(prose.html.contains("Closing prose"))
    }

    @Test func listOfLinks() throws {
        let document = try DocumentParser.parse("""
        ## References

        - [Automatic differentiation survey](https://arxiv.org/abs/1502.05767)
        - <https://example.com/x>

        1. [A](https://a.example) and more words
        """)
        #expect(document.references.count == 2)
        #expect(document.references[0].title == "Automatic differentiation survey")
        #expect(document.references[1].title == nil)
        // A list item with more than a link is prose.
        #expect(document.blocks.count == 3)
    }

    @Test func notReferences() throws {
        let document = try DocumentParser.parse("see https://example.com here\n\nftp://example.com\n\n[x](https://a.b)\n")
        #expect(document.references.isEmpty)
    }

    @Test func numberingContinuesAcrossBibliographies() throws {
        let document = try DocumentParser.parse("# Sources\n\nhttps://a.example\n\n# H\n\nhttps://b.example\n\nB\n")
        #expect(document.references.map(\.id) == ["1", "2"])
        #expect(document.references.map(\.anchor) == ["ref-1", "ref-2"])
    }

    @Test func hosts() {
        // One host rule for every bibliography entry (link lists included).
        #expect(BibliographyEntry(Reference(id: "1", url: "https://user@Example.COM:8080/p?q")).host == "example.com")
        #expect(BibliographyEntry(Reference(id: "1", url: "https://www.example.org/")).host == "example.org")
        #expect(BibliographyEntry(Reference(id: "1", url: "mailto:x")).host == nil)
    }

    // MARK: Issue 12, item 14: a lone link stays a link

    private func prose(_ document: Document) -> String {
        document.blocks.map { if case .prose(let prose) = $0 { prose.html } else { "" } }.joined()
    }

    @Test func loneURLOrAutolinkParagraphIsALink() throws {
        for text in ["<http://foo.bar.baz>\n", "https://example.com\n", "# Intro\n\n<https://example.com>\n\n- item\n",
                     "<https://a.example>\n\nTwo lines\nof prose.\n"] {
            let document = try DocumentParser.parse(text)
            #expect(document.references.isEmpty, "\(text)")
        }
        let page = prose(try DocumentParser.parse("<https://example.com?find=\\*>\n"))
        #expect(page == "<p><a href=\"https://example.com?find=%5C*\">https://example.com?find=\\*</a></p>\n")
    }

    @Test func listOfLinksIsAListOutsideAReferencesSection() throws {
        let document = try DocumentParser.parse("# Links elsewhere\n\n- [a](https://a.example)\n- [b](https://b.example)\n")
        #expect(document.references.isEmpty)
        #expect(prose(document).contains("<li><a href=\"https://a.example\">a</a></li>"))
    }

    @Test func urlWithTitleAndRunsStayReferences() throws {
        let document = try DocumentParser.parse("""
        Intro.

        https://a.example/1

        Title one

        https://b.example/2

        <https://c.example/3>

        Title three
        """)
        #expect(document.references.map(\.url) == ["https://a.example/1", "https://b.example/2", "https://c.example/3"])
        #expect(document.references.map(\.title) == ["Title one", nil, "Title three"])
    }

    @Test func referencesHeadingsAnyLanguage() throws {
        for heading in ["References", "参考", "参考：", "Bibliography:", "further reading"] {
            let document = try DocumentParser.parse("## \(heading)\n\nhttps://a.example\n")
            #expect(document.references.map(\.url) == ["https://a.example"], "\(heading)")
        }
        let after = try DocumentParser.parse("## References\n\n## Next\n\nhttps://a.example\n")
        #expect(after.references.isEmpty)
    }

    /// An autolink never takes in the text around it, such as a backtick after it.
    @Test func autolinkDoesNotGlueFollowingText() throws {
        let document = try DocumentParser.parse("## References\n\n<http://foo.bar.`baz>`\n\n<https://a.example>x\n")
        #expect(document.references.isEmpty)
        #expect(prose(document).contains("<a href=\"http://foo.bar.%60baz\">http://foo.bar.`baz</a>`"))
    }
}
