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
        #expect(references[1].host == "example.org")
        guard case .prose(let prose)? = document.blocks.last else { Issue.record("prose expected"); return }
        #expect(prose.html.contains("Closing prose"))
    }

    @Test func listOfLinks() throws {
        let document = try DocumentParser.parse("""
        - [Automatic differentiation survey](https://arxiv.org/abs/1502.05767)
        - <https://example.com/x>

        1. [A](https://a.example) and more words
        """)
        #expect(document.references.count == 2)
        #expect(document.references[0].title == "Automatic differentiation survey")
        #expect(document.references[1].title == nil)
        // A list item with more than a link is prose.
        #expect(document.blocks.count == 2)
    }

    @Test func notReferences() throws {
        let document = try DocumentParser.parse("see https://example.com here\n\nftp://example.com\n\n[x](https://a.b)\n")
        #expect(document.references.isEmpty)
    }

    @Test func numberingContinuesAcrossBibliographies() throws {
        let document = try DocumentParser.parse("https://a.example\n\n# H\n\nhttps://b.example\n")
        #expect(document.references.map(\.id) == ["1", "2"])
        #expect(document.references.map(\.anchor) == ["ref-1", "ref-2"])
    }

    @Test func hosts() {
        #expect(Reference(id: "1", url: "https://user@Example.COM:8080/p?q").host == "example.com")
        #expect(Reference(id: "1", url: "https://[::1]:80/").host == "[::1]:80")
        #expect(Reference(id: "1", url: "mailto:x").host == nil)
    }
}
