import Foundation
import Testing
import NBExecution
import NBDocument
@testable import NBRender

@Suite struct NotebookPageRendererTests {
    /// The seed post, when the shared folder is there (`<repo>/../shared/seed`).
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../shared/seed/autodiff-post.md").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path)))
    func seedPostBecomesAProperBibliography() throws {
        let site = try TempSite()
        try site.write("dl/autodiff-post.md", try String(contentsOf: Self.seed, encoding: .utf8))
        try site.write("site.yml", "title: Seed site\nurl: https://example.org/\n")
        let renderer = NotebookPageRenderer(root: site.source, cache: nil, engineVersion: "test")
        let report = try SiteBuilder(options: SiteBuildOptions(source: site.source, output: site.output, jobs: 2), renderer: renderer).build()
        #expect(report.exitCode == 0)
        let page = try site.read("dl/autodiff-post.html")
        let urls = try String(contentsOf: Self.seed, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("http") }
        #expect(urls.count > 60)
        #expect(page.components(separatedBy: "<li id=\"ref-").count - 1 == urls.count)
        #expect(!page.contains("$$"))
        let bibliography = try site.read("bibliography.html")
        #expect(bibliography.components(separatedBy: "<li id=\"ref-").count - 1 == urls.count)
        #expect(bibliography.components(separatedBy: "class=\"nb-ref-host\">mp.weixin.qq.com<").count - 1 > 40)
        #expect(bibliography.contains("href=\"dl/autodiff-post.html#ref-1\""))
        #expect(XMLCollector.parse(try site.read("feed.xml")) != nil)
        #expect(XMLCollector.parse(try site.read("sitemap.xml"))?.texts["loc"]?.contains("https://example.org/dl/autodiff-post.html") == true)
    }

    /// The description is the first paragraph: a code block before it (`<pre>`) is not one.
    @Test func theDescriptionSkipsACodeBlockBeforeTheFirstParagraph() throws {
        let site = try TempSite()
        let renderer = NotebookPageRenderer(root: site.source, cache: nil, engineVersion: "test")
        let render = try renderer.render(NotebookSource(relativePath: "p.md", text: "```text\nsetup output\n```\n\nThe first words.\n"))
        #expect(render.summary == "The first words.")
    }

    @Test func frontMatterBibTeXCitationsAndCache() throws {
        let site = try TempSite()
        try site.write("refs.bib", """
        @article{baydin2018, author = {Baydin, At{\\i}l{\\i}m G{\\"u}ne{\\c{s}}}, title = {Automatic Differentiation in Machine Learning: a Survey},
          journal = {JMLR}, year = 2018, url = {https://jmlr.org/papers/v18/17-468.html}}
        @book{unused, title = {Not cited}, year = 2000}
        """)
        try site.write("data/x.csv", "1,2,3\n")
        let notebook = """
        ---
        title: Citing
        date: 2021-02-03
        references:
          - id: micrograd
            title: micrograd
            url: https://github.com/karpathy/micrograd
            author: Andrej Karpathy
        bibliography: refs.bib
        ---

        The survey [@baydin2018] and the tiny engine [@micrograd]; [@ghost] is unknown.

        ```nb
        x = 2
        x + 1
        ```

        https://example.org/one

        A title for one
        """
        try site.write("cite.md", notebook)
        let cache = CellResultCache(directory: site.source.appendingPathComponent(".nb-cache"))
        let renderer = NotebookPageRenderer(root: site.source, cache: cache, engineVersion: "test")
        let render = try renderer.render(NotebookSource(relativePath: "cite.md", text: notebook))
        let html = render.blocks.map(\.html).joined()
        #expect(html.contains("<a class=\"nb-cite\" id=\"cite-baydin2018-1\" href=\"#ref-baydin2018\">[3]</a>"))
        #expect(html.contains("<a class=\"nb-cite\" id=\"cite-micrograd-1\" href=\"#ref-micrograd\">[2]</a>"))
        #expect(html.contains("<a class=\"nb-backref\" href=\"#cite-baydin2018-1\" aria-label=\"Back to the citation\">↩</a>"))
        #expect(html.contains("<span class=\"nb-cite-missing\" title=\"unknown reference\">[@ghost?]</span>"))
        #expect(html.contains("<ol class=\"nb-bibliography\" start=\"2\">"))
        #expect(html.contains("<span class=\"nb-ref-authors\">Atılım Güneş Baydin</span>"))
        #expect(!html.contains("Not cited"))
        #expect(render.diagnostics.map(\.description).contains { $0.hasPrefix("cite.md:12:1: warning: unknown citation [@ghost]") })
        #expect(render.references.map(\.id) == ["1", "micrograd", "baydin2018"])
        #expect(html.contains("<div class=\"nb-output\">"))
        #expect(render.cacheExplanation == ["cite.md: cell 1 (line 15): runs — not cached"])
        let again = try renderer.render(NotebookSource(relativePath: "cite.md", text: notebook))
        #expect(again.cacheExplanation == ["cite.md: cell 1 (line 15): cached"])
        var expected = render   // everything but the explanation comes back from the page cache, front matter included
        expected.cacheExplanation = again.cacheExplanation
        #expect(again == expected)
        #expect(again.frontMatter.hasPrefix("title: Citing\ndate: 2021-02-03\n"))
        // The page depends on the .bib file: editing it re-renders the page (cells stay cached).
        try site.write("refs.bib", "@article{baydin2018, title = {Renamed survey}, year = 2019, url = {https://jmlr.org/x}}")
        let edited = try renderer.render(NotebookSource(relativePath: "cite.md", text: notebook))
        #expect(edited.blocks.map(\.html).joined().contains("Renamed survey"))
        #expect(edited.cacheExplanation == ["cite.md: cell 1 (line 15): cached"])
        // Prose edits re-render the page without running the cell.
        let prose = notebook.replacingOccurrences(of: "The survey", with: "The big survey")
        let proseEdit = try renderer.render(NotebookSource(relativePath: "cite.md", text: prose))
        #expect(proseEdit.blocks.map(\.html).joined().contains("The big survey"))
        #expect(proseEdit.cacheExplanation == ["cite.md: cell 1 (line 15): cached"])
    }

    @Test func unreadableFrontMatterIsAnErrorWithItsLine() {
        let renderer = NotebookPageRenderer(root: URL(fileURLWithPath: "/nonexistent"), cache: nil, engineVersion: "t")
        #expect(throws: NotebookRenderError.self) {
            try renderer.render(NotebookSource(relativePath: "bad.md", text: "---\ntitle: [unclosed\n---\n\nText\n"))
        }
    }
}

@Suite struct LinkListSiteTests {
    @Test func bareURLEntriesListsAndMixedFormsReachTheSiteBibliography() throws {
        let site = try TempSite()
        try site.write("a.md", """
        ---
        title: Mixed
        ---

        Prose first.

        https://mp.weixin.qq.com/s/first

        First title

        https://zhuanlan.zhihu.com/p/24709748

        - [A listed paper](https://arxiv.org/abs/1502.05767)
        - [Another](https://github.com/karpathy/micrograd)

        More prose.
        """)
        try site.write("b.md", "---\ntitle: Second\n---\n\n## References\n\n- [Same paper again](https://arxiv.org/abs/1502.05767)\n")
        let renderer = NotebookPageRenderer(root: site.source, cache: nil, engineVersion: "test")
        _ = try SiteBuilder(options: SiteBuildOptions(source: site.source, output: site.output, jobs: 2), renderer: renderer).build()
        let page = try site.read("a.html")
        #expect(page.components(separatedBy: "<li id=\"ref-").count - 1 == 4)
        #expect(page.contains("mp.weixin.qq.com"))
        let bibliography = try site.read("bibliography.html")
        #expect(bibliography.components(separatedBy: "<li id=\"ref-").count - 1 == 4)
        #expect(bibliography.contains("First title"))
        // The paper listed on both pages is one entry citing both.
        #expect(bibliography.contains("<a href=\"a.html#ref-3\">Mixed [3]</a>; <a href=\"b.html#ref-1\">Second [1]</a>"))
    }

    @Test func onlyBlocksWithABracketAtCanCite() {
        #expect(PageAssembly.mayCite("<p>see [@baydin2018; @x]</p>"))
        #expect(PageAssembly.mayCite("[@"))
        #expect(!PageAssembly.mayCite("<p>mail a@b.org [link](x) [ @x] @[x]</p>"))
        #expect(!PageAssembly.mayCite(""))
        // Whatever the linker finds, the quick check finds too.
        for html in ["<p>x [@a] y</p>", "<p>[@a]</p>", "<code>[@a]</code>", "<p>[@]</p>", "<p>a@b [c]</p>"] {
            #expect(CitationLinker.citedKeys(in: html).isEmpty || PageAssembly.mayCite(html))
        }
    }
}
