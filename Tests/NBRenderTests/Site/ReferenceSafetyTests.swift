import Foundation
import Testing
import NBDocument
@testable import NBRender

/// Issue 12: reference URLs from every source go through the one URL sanitiser; `bibliography:`
/// files are confined to the notebook's folder like `load()`; bibliographies scale linearly.
@Suite struct ReferenceSafetyTests {
    private func render(_ site: TempSite, _ path: String, _ notebook: String) throws -> NotebookRender {
        try site.write(path, notebook)
        let renderer = NotebookPageRenderer(root: site.source, cache: nil, engineVersion: "test", runsCells: false)
        return try renderer.render(NotebookSource(relativePath: path, text: notebook))
    }

    /// Every `href` value in `html`, with `&amp;` decoded.
    private func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    private func expectNoScriptHref(_ html: String) {
        for href in hrefs(html) {
            #expect(LinkSafety.isAllowed(href), "href \(String(reflecting: href))")
            #expect(!href.unicodeScalars.contains { $0.value < 0x20 }, "href \(String(reflecting: href))")
        }
    }

    @Test func frontMatterBibTeXAndLinkListURLsAreSanitised() throws {
        let site = try TempSite()
        try site.write("refs.bib", "@misc{tab, title = {Tab}, url = { java\tscript:alert(1)}}\n@misc{ok, title = {Ok}, url = {https://example.com/b}}\n")
        let html = try render(site, "xss.md", """
        ---
        references:
          - {id: t, title: T, url: "java\\tscript:alert(document.domain)"}
          - {id: c, title: C, url: "\\u0001javascript:alert(1)"}
          - {id: v, title: V, url: "VBScript:x"}
          - {id: d, title: D, url: "data:text/html,<script>alert(1)</script>"}
          - {id: h, title: H, url: "https://example.com/a b"}
        bibliography: refs.bib
        ---
        Cites [@t] [@c] [@v] [@d] [@h] [@tab] [@ok].

        # References

        - [click me](java&#9;script:alert(document.domain))
        - [fine](https://example.org)
        """).blocks.map(\.html).joined()
        expectNoScriptHref(html)
        #expect(html.contains("<span class=\"nb-ref-title\">T</span>"))
        #expect(html.contains("href=\"https://example.com/a%20b\""))
        #expect(html.contains("href=\"https://example.com/b\""))
        #expect(html.contains("href=\"https://example.org\""))
    }

    /// An autolink entry keeps cmark's percent-encoding in its `href` (the backslash was written raw).
    @Test func autolinkEntryKeepsCmarkPercentEncoding() throws {
        let html = try render(TempSite(), "auto.md", "## References\n\n<https://example.com?find=\\*>\n\nA title\n").blocks.map(\.html).joined()
        #expect(html.contains("<a class=\"nb-ref-title\" href=\"https://example.com?find=%5C*\">A title</a>"))
    }

    @Test func bibliographyOutsideTheNotebookFolderIsRefused() throws {
        let site = try TempSite()
        let outside = site.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "@misc{secret, title = {Secret entry}, url = {https://secret.example}}\n"
            .write(to: outside.appendingPathComponent("secret.bib"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: site.source.appendingPathComponent("post"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.source.appendingPathComponent("post/link.bib"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.bib"))
        for file in ["../../outside/secret.bib", "link.bib", outside.appendingPathComponent("secret.bib").path] {
            let render = try render(site, "post/leak.md", "---\nbibliography: \(file)\n---\nCite [@secret].\n")
            let html = render.blocks.map(\.html).joined()
            #expect(!html.contains("Secret entry"), "\(file)")
            #expect(render.references.isEmpty)
            #expect(render.diagnostics.contains { $0.line == 2 && $0.message.contains("bibliography file") && $0.message.contains(file) }, "\(file)")
        }
    }

    @Test func bibliographyInsideTheFolderIsReadAndCapped() throws {
        let site = try TempSite()
        try site.write("post/refs/own.bib", "@misc{own, title = {Own entry}, url = {https://own.example}}\n")
        let ok = try render(site, "post/a.md", "---\nbibliography: refs/own.bib\n---\nCite [@own].\n")
        #expect(ok.blocks.map(\.html).joined().contains("Own entry"))
        try site.write("post/big.bib", String(repeating: "%", count: BibTeXParser.maximumFileBytes + 1))
        let big = try render(site, "post/b.md", "---\nbibliography: big.bib\n---\nText.\n")
        #expect(big.diagnostics.contains { $0.message.contains("larger than") })
    }

    /// 4,000 URL + title paragraphs took over a minute (quadratic duplicate search).
    @Test(.timeLimit(.minutes(1))) func manyReferencesRenderInLinearTime() throws {
        let site = try TempSite()
        let notebook = (0..<20_000).map { "https://example.com/post/\($0)\n\nTitle \($0)\n" }.joined(separator: "\n")
        let render = try render(site, "many.md", notebook)
        #expect(render.references.count == 20_000)
    }

    /// One paragraph of 20,000 copies of a URL on bare-CR lines took minutes (every entry parsed every earlier URL again).
    @Test(.timeLimit(.minutes(1))) func manyBareCRLinesRenderInLinearTime() throws {
        let site = try TempSite()
        let render = try render(site, "cr.md", "## References\n\n" + String(repeating: "https://example.com/same\r", count: 20_000))
        #expect(render.references.count == 20_000)
        #expect(render.blocks.map(\.html).joined().components(separatedBy: "<li id=").count == 20_001)
    }
}
