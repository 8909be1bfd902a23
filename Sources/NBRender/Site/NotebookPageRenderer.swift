import Foundation
import NBDocument
import NBExecution
import NBHash
import NBLanguage

/// The real notebook renderer of `nb build`: parses the Markdown, runs the cells through the
/// result cache, resolves the bibliography (link lists, front matter `references:`,
/// `bibliography: FILE.bib`) and `[@id]` citations, and renders the article blocks.
public struct NotebookPageRenderer: NotebookRendering {
    /// The site's source folder (notebook paths are relative to it).
    public var root: URL
    /// The cell-result cache; nil runs every cell every time (and keeps no rendered pages).
    public let cache: CellResultCache?
    /// Engine version for cache keys.
    public var engineVersion: String
    /// False renders cells without running them (sources only).
    public var runsCells: Bool
    /// Rendered pages kept between builds, in the cell cache's folder.
    private let pages: PageCache?
    /// Hears which cell runs (a terminal's progress line); nil for none.
    public var progress: (any ExecutionProgress)?
    /// TeX macros for every page: `macros:` of the `site.yml` in `root`, if any.
    public var macros: MathMacros
    /// False leaves a render's `summary` and `searchText` empty (`nb render` shows neither), saving
    /// a plain-text pass over the page.
    public var indexesText = true

    /// Opens the page cache in `cache`'s folder, if any: make one renderer per build.
    public init(root: URL, cache: CellResultCache?, engineVersion: String, runsCells: Bool = true) {
        self.root = root; self.cache = cache; self.engineVersion = engineVersion; self.runsCells = runsCells
        pages = cache.map { PageCache(directory: $0.directory) }
        let siteYAML = root.appendingPathComponent("site.yml")
        if let text = try? String(contentsOf: siteYAML, encoding: .utf8) {
            macros = SiteConfig.parse(yaml: text, file: "site.yml").0.macros
        } else {
            macros = MathMacros()
        }
    }

    /// Saves the pages rendered in this build to the page cache.
    public func buildFinished(notebooks: [String]) {
        pages?.save(notebooks: notebooks)
    }

    public func render(_ source: NotebookSource) throws -> NotebookRender {
        // The page depends on the renderer too: `RendererSourceHash` is generated at build time
        // from the sources of NBDocument and NBRender (SourceHashPlugin).
        let version = engineVersion + "+render-" + RendererSourceHash.value.prefix(16) + (runsCells ? "" : "+no-cells")
            + (macros.isEmpty ? "" : "+macros-" + SHA256.hex(macros.canonicalText).prefix(16))
        let sourceHash = SHA256.hex(source.text)
        let lookup = pages?.lookup(source.relativePath, engineVersion: version, sourceHash: sourceHash, root: root)
        if let entry = lookup?.entry {
            var render = entry.render
            render.cacheExplanation = inlineCodeLabels(source)?.map { "\(source.relativePath): \($0): cached" }
                ?? entry.cellLines.enumerated().map { "\(source.relativePath): cell \($0.offset + 1) (line \($0.element)): cached" }
            return render
        }
        var dependencies: [String] = []
        var cellLines: [Int] = []
        var render = try renderAfresh(source, dependencies: &dependencies, cellLines: &cellLines)
        if lookup == .damaged {
            render.cacheExplanation.insert("\(source.relativePath): the page cache entry is damaged (checksum mismatch); rendered again", at: 0)
        }
        if let pages {
            let stamps = Set(dependencies).sorted().compactMap { path -> PageCache.Dependency? in
                guard let bytes = try? Data(contentsOf: root.appendingPathComponent(path)) else { return nil }
                return PageCache.Dependency(path: path, hash: SHA256.hex(bytes))
            }
            // A dependency that is missing now cannot be checked later: don't cache that page.
            if stamps.count == Set(dependencies).count {
                pages.store(PageCache.Entry(format: PageCache.Entry.format, engineVersion: version, sourceHash: sourceHash,
                                            dependencies: stamps, cellLines: cellLines, render: render), for: source.relativePath)
            }
        }
        return render
    }

    private func renderAfresh(_ source: NotebookSource, dependencies: inout [String], cellLines: inout [Int]) throws -> NotebookRender {
        let document: Document
        do { document = try DocumentParser.parse(source.text, macros: macros) } catch {
            throw NotebookRenderError(line: error.location?.line ?? 1, column: error.location?.column ?? 1,
                                      message: error.message + (error.hint.map { " (\($0))" } ?? ""))
        }
        return render(document, source: source, dependencies: &dependencies, cellLines: &cellLines)
    }

    /// Renders an already parsed notebook (`nb render` parses first to report input errors itself).
    public func render(_ document: Document, source: NotebookSource) -> NotebookRender {
        var dependencies: [String] = [], cellLines: [Int] = []
        return render(document, source: source, dependencies: &dependencies, cellLines: &cellLines)
    }

    private func render(_ document: Document, source: NotebookSource, dependencies: inout [String],
                        cellLines: inout [Int]) -> NotebookRender {
        let file = source.relativePath
        cellLines = document.cells.map(\.sourceLocation.line)
        var diagnostics = document.diagnostics.map { SiteDiagnostic($0, file: file) }
        let folder = root.appendingPathComponent(file).deletingLastPathComponent()

        // Cells.
        let (outcomes, inlineOutcomes, explanation, failed) = runCells(document, file: file)
        let ran = outcomes.compactMap { $0 }
        if ran.count == document.cells.count {
            diagnostics += NotebookExecution.diagnostics(document.cells, ran).map { SiteDiagnostic($0, file: file) }
        }
        for outcome in outcomes + inlineOutcomes {
            for path in outcome?.filesRead ?? [] { dependencies.append(SitePaths.resolve(path, from: file) ?? path) }
        }
        diagnostics += NotebookExecution.diagnostics(document.inlineCode, inlineOutcomes).map { SiteDiagnostic($0, file: file) }

        // Bibliography: link lists in the prose (PageAssembly), then front matter, then cited BibTeX entries.
        var listed: [BibliographyEntry] = []
        var library: [BibliographyEntry] = []
        if document.frontMatter.openingLine > 0 {
            let references = FrontMatterReferences(document.frontMatter)
            listed += references.references
            diagnostics += references.diagnostics.map { SiteDiagnostic(file: file, line: $0.line, column: $0.column, message: $0.message) }
            for bibFile in references.bibliographyFiles {
                let bibPath = SitePaths.resolve(bibFile, from: file) ?? bibFile
                let text: String
                do {
                    text = try ConfinedFile.read(bibFile, root: folder.path, maximumBytes: BibTeXParser.maximumFileBytes).text
                    dependencies.append(bibPath)
                } catch {
                    // A missing file is still a dependency (the page is not cached until it exists).
                    if error.kind != .outside { dependencies.append(bibPath) }
                    diagnostics.append(SiteDiagnostic(file: file, line: references.bibliographyLine ?? document.frontMatter.openingLine,
                                                      message: "bibliography file: \(error.message)" + (error.hint.map { " (\($0))" } ?? "")))
                    continue
                }
                let parsed = BibTeXParser.parse(text)
                library += parsed.entries.map(\.bibliographyEntry)
                diagnostics += parsed.diagnostics.map { SiteDiagnostic(file: bibPath, line: $0.line, column: $0.column, message: $0.message) }
            }
        }
        let page = PageAssembly(document, outcomes: outcomes, inlineOutcomes: inlineOutcomes, listed: listed,
                                library: library, file: file)
        diagnostics += page.diagnostics
        let text = indexesText ? page.text : []
        // The description: front matter `description:`, else the first paragraph (kept whole up to
        // a bound; the index and the feed cut it at a word boundary).
        let summary = !indexesText ? "" : Excerpt.cut(document.frontMatter["description"]?.scalar
                                  ?? page.firstParagraph.map(Excerpt.withoutCitations) ?? text.first { !$0.isEmpty } ?? "",
                                  limit: Self.summaryLimit)
        var render = NotebookRender(title: document.title ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                              date: document.frontMatter.date.flatMap(SiteDate.init),
                              category: document.frontMatter.categories.first, tags: document.frontMatter.tags,
                              blocks: page.blocks, references: page.references, summary: summary,
                              searchText: text.joined(separator: " "), diagnostics: diagnostics, failed: failed,
                              cacheExplanation: explanation)
        render.frontMatter = Self.frontMatterText(document)
        render.language = HTMLPage.declaredLanguage(of: document)
        return render
    }

    /// Longest description kept with a page, in characters.
    static let summaryLimit = 600

    /// The lines between the front matter's `---` fences, as written.
    static func frontMatterText(_ document: Document) -> String {
        let front = document.frontMatter, starts = document.source.lineStarts
        guard front.openingLine == 1, front.closingLine >= 2, front.closingLine - 1 < starts.count else { return "" }
        let bytes = document.source.text.utf8
        let from = bytes.index(bytes.startIndex, offsetBy: starts[1]), to = bytes.index(bytes.startIndex, offsetBy: starts[front.closingLine - 1])
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }

    /// For a page with inline code, how `--explain` names its cells and inline code in order (the
    /// page cache keeps only cell lines); nil for a page without inline code.
    func inlineCodeLabels(_ source: NotebookSource) -> [String]? {
        guard source.text.contains("{nb}") || source.text.contains("\\nb{"),
              let document = try? DocumentParser.parse(source.text, macros: macros), !document.inlineCode.isEmpty else { return nil }
        return NotebookExecution(document: document, path: source.relativePath).unitLabels
    }

    /// Runs the cells and inline code through `NotebookExecution` (with the cell cache when there
    /// is one).
    private func runCells(_ document: Document, file: String)
        -> (outcomes: [CellOutcome?], inline: [CellOutcome?], explanation: [String], failed: Bool) {
        guard runsCells, !document.cells.isEmpty || !document.inlineCode.isEmpty else { return ([], [], [], false) }
        var execution = NotebookExecution(document: document, path: root.appendingPathComponent(file).path)
        execution.progress = progress
        let result = execution.run(cache: cache)
        return (result.outcomes, result.inlineOutcomes, result.explanation.map { "\(file): \($0)" }, result.failed)
    }
}
