import Foundation
import NBDocument
import NBRender

/// A small stand-in for the real notebook pipeline, for site tests: front matter via `FrontMatterParser`,
/// paragraphs separated by blank lines, `[text](target)` links, `[@id]` citations, bare-URL
/// reference entries. `FAIL` in a paragraph marks a failed cell; `BROKEN` as the first line
/// makes rendering throw.
struct ToyRenderer: NotebookRendering {
    func render(_ source: NotebookSource) throws -> NotebookRender {
        if source.text.hasPrefix("BROKEN") { throw NotebookRenderError(line: 1, column: 1, message: "malformed front matter") }
        var title = source.relativePath, date: SiteDate?, category: String?, tags: [String] = []
        var references: [BibliographyEntry] = []
        var bodyStart = 0
        var lines = source.text.components(separatedBy: "\n")
        if let front = try? FrontMatterParser.parse(SourceText(source.text)), front.frontMatter.openingLine > 0 {
            let frontMatter = front.frontMatter
            title = frontMatter.title ?? title
            date = frontMatter.date.flatMap(SiteDate.init)
            category = frontMatter["category"]?.scalar
            tags = frontMatter["tags"]?.elements?.compactMap(\.scalar) ?? []
            references = FrontMatterReferences(frontMatter).references
            bodyStart = frontMatter.closingLine
        }
        lines = Array(lines.dropFirst(bodyStart))
        var blocks: [HTMLBlock] = []
        var paragraph: [String] = []
        var paragraphLine = bodyStart + 1
        var failed = false
        var links: [BibliographyEntry] = []
        func flush(_ nextLine: Int) {
            defer { paragraph = []; paragraphLine = nextLine }
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            if text.hasPrefix("https://") && !text.contains(" ") {
                links.append(BibliographyEntry(id: "\(links.count + 1)", title: text, url: text, origin: .linkList, line: paragraphLine))
                return
            }
            if text.contains("FAIL") { failed = true }
            var html = XMLEscape.text(text)
            while let open = html.range(of: "]("), let start = html[..<open.lowerBound].lastIndex(of: "["),
                  let close = html[open.upperBound...].firstIndex(of: ")") {
                let label = html[html.index(after: start)..<open.lowerBound]
                let target = html[open.upperBound..<close]
                html.replaceSubrange(start...close, with: "<a href=\"\(target)\">\(label)</a>")
            }
            blocks.append(HTMLBlock(html: "<p>\(html)</p>\n", line: paragraphLine))
        }
        for (offset, line) in lines.enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { flush(bodyStart + offset + 2) } else { paragraph.append(line) }
        }
        flush(0)
        let bibliography = PageBibliography(listed: references + links)
        var diagnostics: [SiteDiagnostic] = []
        for i in blocks.indices {
            let linked = CitationLinker.link(blocks[i].html, line: blocks[i].line, bibliography: bibliography)
            blocks[i].html = linked.html
            diagnostics += linked.diagnostics.map { SiteDiagnostic(file: source.relativePath, line: $0.line, message: $0.message) }
        }
        if !bibliography.entries.isEmpty {
            blocks.append(HTMLBlock(html: BibliographyHTML.list(bibliography.entries), line: 0))
        }
        let text = blocks.map(\.html).joined()
        return NotebookRender(title: title, date: date, category: category, tags: tags, blocks: blocks,
                              references: bibliography.entries, summary: String(text.prefix(80)), searchText: text,
                              diagnostics: diagnostics, failed: failed)
    }
}

enum XMLEscape {
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// A temporary site folder.
struct TempSite {
    let root: URL
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-site-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }
    var source: URL { root.appendingPathComponent("notebooks") }
    var output: URL { root.appendingPathComponent("site") }
    func write(_ path: String, _ text: String) throws {
        let url = source.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    func read(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
    func build(jobs: Int = 2, output: URL? = nil) throws -> SiteBuildReport {
        try SiteBuilder(options: SiteBuildOptions(source: source, output: output ?? self.output, jobs: jobs), renderer: ToyRenderer()).build()
    }
}
