import Testing
import NBDocument
import NBExecution
import NBLanguage
@testable import NBRender

/// Computed values in prose, rendered (issue 17).
@Suite struct InlineHTMLTests {
    static func page(_ markdown: String) throws -> String {
        let document = try DocumentParser.parse(markdown)
        let result = NotebookExecution(document: document, path: "/tmp/inline-page.md").run()
        return HTMLPage.body(document, outcomes: result.outcomes, inlineOutcomes: result.inlineOutcomes)
    }

    @Test func valuesAreEscapedTextAndChecksAMark() throws {
        let html = try Self.page("```nb\ns = \"<script>\"\nx = 0.733\n```\n\nIt is `{nb} s` and `{nb} x`. `{nb} assert x > 0.7`\n")
        #expect(html.contains("It is <span class=\"nb-value\">&lt;script&gt;</span> and <span class=\"nb-value\">0.733</span>."))
        #expect(html.contains("<span class=\"nb-check nb-pass\" title=\"checked: x &gt; 0.7\" role=\"img\" aria-label=\"checked: x &gt; 0.7\">✓</span>"))
        #expect(!html.contains("<script>"))
    }

    @Test func errorsAndFalseClaimsShowInPlace() throws {
        let html = try Self.page("Value `{nb} nope` and `{nb} assert 1 > 2`.\n\nAfter.\n")
        #expect(html.contains("<span class=\"nb-inline-error\" data-line=\"1\""))
        #expect(html.contains("<code>{nb} nope</code> <span class=\"nb-error-label\">error:</span> undefined name &#39;nope&#39;")
                || html.contains("<code>{nb} nope</code> <span class=\"nb-error-label\">error:</span> undefined name 'nope'"))
        #expect(html.contains("<span class=\"nb-check nb-fail\" title=\"this claim does not hold\">✗ <code>1 &gt; 2</code> does not hold</span>"))
        #expect(html.contains("<p>After.</p>"))
    }

    @Test func mathValuesAreTeXBeforeMathML() throws {
        let html = try Self.page("```nb\ndf(x) = 2*x\n```\n\n$f'(2) = \\nb{df(2)}$ and $\\nb{fmt(5.6e-9, digits: 2)}$\n")
        #expect(html.contains("<mn>4</mn>"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">f&#39;(2) = 4</annotation>")
                || html.contains("<annotation encoding=\"application/x-tex\">f'(2) = 4</annotation>"))
        #expect(html.contains("<mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>9</mn></mrow></msup>")
                || html.contains("5.6 \\times 10^{-9}") || html.contains("5.6\\times 10^{-9}"), "\(html)")
    }

    @Test(arguments: [
        ("0.733", "0.733"),
        ("1e-8", "1\\times 10^{-8}"),
        ("5.6×10⁻⁹", "5.6\\times 10^{-9}"),
        ("89.7%", "89.7\\%"),
        ("true", "\\text{true}"),
        ("[1, 2]", "[1, 2]"),
        ("a_b {c}", "\\text{a}\\_\\text{b} \\{\\text{c}\\}"),
    ])
    func texOfValueText(text: String, tex: String) {
        #expect(InlineTeX.tex(text) == tex)
    }
}

/// Inline code on a site page: failures are diagnostics at `file:line:col`, and `--explain` names
/// inline code also when the whole page comes from the page cache.
@Suite struct InlinePageRendererTests {
    @Test func failuresAreDiagnosticsAndExplainNamesInlineCode() throws {
        let site = try TempSite()
        let notebook = "# Page\n\n```nb\nx = 1\n```\n\nValue `{nb} x + 1`, claim `{nb} assert x > 5`.\n"
        try site.write("page.md", notebook)
        let cache = CellResultCache(directory: site.source.appendingPathComponent(".nb-cache"))
        let renderer = NotebookPageRenderer(root: site.source, cache: cache, engineVersion: "test")
        let render = try renderer.render(NotebookSource(relativePath: "page.md", text: notebook))
        #expect(render.failed)
        #expect(render.diagnostics.map(\.description).contains {
            $0.hasPrefix("page.md:7:33: error: inline check `{nb} assert x > 5` does not hold — in: Value `{nb} x + 1`, claim `{nb} assert x > 5`.")
        })
        #expect(render.blocks.map(\.html).joined().contains("Value <span class=\"nb-value\">2</span>"))
        #expect(render.cacheExplanation == [
            "page.md: cell 1 (line 4): runs — not cached",
            "page.md: inline `{nb} x + 1` (line 7:13): runs — not cached",
            "page.md: inline `{nb} assert x > 5` (line 7:33): runs — not cached",
        ])
        let again = try renderer.render(NotebookSource(relativePath: "page.md", text: notebook))
        #expect(again.cacheExplanation == [
            "page.md: cell 1 (line 4): cached",
            "page.md: inline `{nb} x + 1` (line 7:13): cached",
            "page.md: inline `{nb} assert x > 5` (line 7:33): cached",
        ])
        #expect(again.failed)
    }
}
