import Foundation
import NBDocument
import Testing
@testable import NBRender

/// The references section nb adds for front-matter entries gets an id of its own.
@Suite struct ReferencesSectionTests {
    static let frontMatter = """
        ---
        title: T
        references:
          - {id: k, title: Kept, url: "https://example.org/k"}
        ---

        """

    /// The page's article blocks as `nb render` and `nb build` write them.
    static func page(_ markdown: String) throws -> String {
        let site = try TempSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let renderer = NotebookPageRenderer(root: site.source, cache: nil, engineVersion: "test")
        return try renderer.render(NotebookSource(relativePath: "p.md", text: markdown)).blocks.map(\.html).joined()
    }

    @Test func theAddedSectionDoesNotTakeAHeadingsID() throws {
        // "References" is a heading of the page but not its last one, so nb adds its own section.
        let page = try Self.page(Self.frontMatter + """
            ## References

            Text [@k].

            ## References 1

            ## Appendix

            More.

            """)
        #expect(page.contains("<h2 id=\"references\">References<a class"))
        #expect(page.contains("<h2 id=\"references-1\">References 1<a class"))
        #expect(page.contains("<section class=\"nb-references\">\n<h2 id=\"references-2\">References</h2>"))
        #expect(page.contains("href=\"#references-2\""))
        for id in ["references", "references-1", "references-2"] {
            #expect(page.components(separatedBy: "id=\"\(id)\"").count == 2, "id \(id) is not unique")
        }
    }

    @Test func withoutACollisionTheSectionIsReferences() throws {
        let page = try Self.page(Self.frontMatter + "## Intro\n\nText.\n\n## More\n\nText.\n")
        #expect(page.contains("<section class=\"nb-references\">\n<h2 id=\"references\">References</h2>"))
    }
}
