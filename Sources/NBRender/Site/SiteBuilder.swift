import Foundation
import NBDocument
import NBExecution
import Synchronization

/// Builds a static site (SPEC §7): a page per notebook (folders kept), `index.html`,
/// `style.css`, `sitemap.xml`, `feed.xml`, `bibliography.html`, `search.json` + `search.js`,
/// and the folder's other files copied. Notebooks render concurrently; output is deterministic
/// and every file is written atomically, only when its bytes change. A notebook that fails does
/// not stop the others. Files of an earlier build that no longer belong to the site are removed.
public struct SiteBuilder<Renderer: NotebookRendering>: Sendable {
    public var options: SiteBuildOptions
    public var renderer: Renderer

    public init(options: SiteBuildOptions, renderer: Renderer) { self.options = options; self.renderer = renderer }

    /// Name of the list of generated files kept in the output folder.
    static var manifestName: String { ".nb-manifest" }

    private struct Rendered: Sendable {
        var source: NotebookSource
        var result: Result<NotebookRender, NotebookRenderError>
    }

    public func build() throws -> SiteBuildReport {
        let fm = FileManager.default
        var clock = PhaseClock()
        let sources = SiteSources.scan(options.source, excluding: options.output)
        var diagnostics: [SiteDiagnostic] = []
        let (config, intro, configDiagnostics) = loadConfig(notebooks: sources.notebooks)
        diagnostics += configDiagnostics
        let notebookPaths = sources.notebooks.filter { $0 != "index.md" }
        let root = options.source
        let renderer = self.renderer
        let progress = options.progress
        let done = Atomic<Int>(0)

        // 1. Render every notebook (in parallel; results in path order).
        clock.lap("scan")
        let (rendered, renderLoads): ([Rendered], [WorkerLoad]) = measuredParallelMap(notebookPaths, jobs: options.jobs) { path in
            defer { progress?(done.wrappingAdd(1, ordering: .relaxed).newValue, notebookPaths.count) }
            let url = root.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else {
                return Rendered(source: NotebookSource(relativePath: path, text: ""),
                                result: .failure(NotebookRenderError(line: 1, message: "cannot read the file; check that it exists and is readable")))
            }
            let source = NotebookSource(relativePath: path, text: String(decoding: data, as: UTF8.self))
            do { return Rendered(source: source, result: .success(try renderer.render(source))) }
            catch let error as NotebookRenderError { return Rendered(source: source, result: .failure(error)) }
            catch { return Rendered(source: source, result: .failure(NotebookRenderError(line: 1, message: "\(error)"))) }
        }

        renderer.buildFinished(notebooks: sources.notebooks)
        clock.lap("render", workers: renderLoads)

        // 2. Site-wide structures.
        let entries = rendered.map { item -> SiteIndex.Entry in
            let render = try? item.result.get()
            return SiteIndex.Entry(path: item.source.outputPath, title: render?.title ?? item.source.relativePath,
                                   date: render?.date, category: render?.category)
        }
        let index = SiteIndex(entries)
        let layout = SiteLayout(config: config)
        let rewriter = LinkRewriter(notebooks: Set(sources.notebooks))

        // 3. Compose and write the notebook pages (in parallel).
        let output = options.output
        let (pageResults, pageLoads): ([(written: Bool, diagnostics: [SiteDiagnostic])], [WorkerLoad]) = measuredParallelMap(rendered, jobs: options.jobs) { item in
            let path = item.source.outputPath
            var notes: [SiteDiagnostic] = []
            let html: String
            switch item.result {
            case .success(let render):
                notes += render.diagnostics
                var content = ""
                for block in render.blocks {
                    let (rewritten, linkNotes) = rewriter.rewrite(block, in: item.source.relativePath)
                    content += rewritten
                    notes += linkNotes
                }
                html = layout.notebookPage(path: path, render: render, content: content, index: index)
            case .failure(let error):
                notes.append(SiteDiagnostic(file: item.source.relativePath, line: error.line, column: error.column,
                                            severity: .error, message: error.message))
                html = layout.errorPage(path: path, source: item.source.relativePath, error: error.description)
            }
            do {
                let written = try AtomicFile.writeIfChanged(Data(html.utf8), to: output.appendingPathComponent(path), durable: false)
                return (written, notes)
            } catch {
                notes.append(SiteDiagnostic(file: item.source.relativePath, line: 1, severity: .error,
                                            message: "cannot write \(path): \(error.localizedDescription)"))
                return (false, notes)
            }
        }
        var written = zip(rendered, pageResults).filter { $0.1.written }.map { $0.0.source.outputPath }
        for result in pageResults { diagnostics += result.diagnostics }

        clock.lap("pages", workers: pageLoads)

        // 4. Site files.
        var siteFiles: [(String, String)] = []
        var tags: [String: [SiteIndex.Entry]] = [:]
        for (item, entry) in zip(rendered, entries) {
            for tag in (try? item.result.get())?.tags ?? [] { tags[tag, default: []].append(entry) }
        }
        for tag in tags.keys { tags[tag]?.sort(by: SiteIndex.newestFirst) }
        siteFiles.append(("index.html", layout.indexPage(index: index, intro: intro, tags: tags)))
        siteFiles.append(("style.css", options.pageStylesheet + "\n" + SiteStylesheet.css))
        let successes = rendered.compactMap { item in (try? item.result.get()).map { (item.source.outputPath, $0) } }
        let bibliography = SiteBibliography(pages: successes.map { ($0.0, $0.1.title, $0.1.references) })
        siteFiles.append(("bibliography.html", layout.bibliographyPage(bibliography)))
        let sitemapPages = [SitemapWriter.Page(path: "index.html", date: nil)]
            + index.groups.flatMap(\.entries).map { SitemapWriter.Page(path: $0.path, date: $0.date) }
            + [SitemapWriter.Page(path: "bibliography.html", date: nil)]
        siteFiles.append(("sitemap.xml", SitemapWriter.xml(pages: sitemapPages, baseURL: config.baseURL)))
        siteFiles.append(("feed.xml", AtomFeedWriter.xml(config: config, entries: successes.map { path, render in
            AtomFeedWriter.Entry(path: path, title: render.title, date: render.date, summary: render.summary,
                                 category: render.category, tags: render.tags)
        })))
        let renderByPath = Dictionary(successes, uniquingKeysWith: { first, _ in first })
        siteFiles.append(("search.json", SearchIndex.json(index.groups.flatMap(\.entries).compactMap { entry in
            renderByPath[entry.path].map { render in
                SearchIndex.Page(path: entry.path, title: render.title, category: render.category, tags: render.tags, text: render.searchText)
            }
        })))
        siteFiles.append(("search.js", SearchIndex.script))
        for (path, text) in siteFiles where try AtomicFile.writeIfChanged(Data(text.utf8), to: output.appendingPathComponent(path), durable: false) {
            written.append(path)
        }

        clock.lap("site files")

        // 5. Static files, copied when new or changed (size or modification time).
        for asset in sources.assets {
            let from = options.source.appendingPathComponent(asset), to = output.appendingPathComponent(asset)
            if try copyIfChanged(from, to) { written.append(asset) }
        }

        clock.lap("assets")

        // 6. Remove what an earlier build wrote and this one did not.
        let produced = rendered.map(\.source.outputPath) + siteFiles.map(\.0) + sources.assets
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        if let old = try? String(contentsOf: manifestURL, encoding: .utf8) {
            let keep = Set(produced)
            for stale in old.split(separator: "\n").map(String.init) where !keep.contains(stale) && !stale.contains("..") {
                try? fm.removeItem(at: output.appendingPathComponent(stale))
            }
        }
        try AtomicFile.writeIfChanged(Data((produced.sorted().joined(separator: "\n") + "\n").utf8), to: manifestURL, durable: false)

        clock.lap("cleanup")

        let failed = rendered.filter { (try? $0.result.get())?.failed == true }.map(\.source.relativePath)
        let broken = rendered.filter { if case .failure = $0.result { true } else { false } }.map(\.source.relativePath)
        let explanation = rendered.flatMap { (try? $0.result.get())?.cacheExplanation ?? [] }
        return SiteBuildReport(pages: rendered.map(\.source.outputPath), written: written, diagnostics: diagnostics,
                               failedNotebooks: failed, brokenNotebooks: broken, cacheExplanation: explanation, phases: clock.phases)
    }

    /// `site.yml` first, else the root `index.md`'s front matter. The index's body (rendered)
    /// becomes the index page's introduction.
    private func loadConfig(notebooks: [String]) -> (SiteConfig, String, [SiteDiagnostic]) {
        var diagnostics: [SiteDiagnostic] = []
        var config = SiteConfig()
        var intro = ""
        let siteYAML = options.source.appendingPathComponent("site.yml")
        if let text = try? String(contentsOf: siteYAML, encoding: .utf8) {
            let (parsed, notes) = SiteConfig.parse(yaml: text, file: "site.yml")
            config = parsed; diagnostics += notes
        }
        if notebooks.contains("index.md"),
           let text = try? String(contentsOf: options.source.appendingPathComponent("index.md"), encoding: .utf8) {
            if !FileManager.default.fileExists(atPath: siteYAML.path), let (yaml, line) = SiteConfig.frontMatter(of: text) {
                let (parsed, notes) = SiteConfig.parse(yaml: yaml, file: "index.md", firstLine: line)
                config = parsed; diagnostics += notes
            }
            if let render = try? renderer.render(NotebookSource(relativePath: "index.md", text: text)) {
                intro = render.blocks.map(\.html).joined()
                diagnostics += render.diagnostics
            }
        }
        return (config, intro, diagnostics)
    }

    private func copyIfChanged(_ from: URL, _ to: URL) throws -> Bool {
        let fm = FileManager.default
        let source = try fm.attributesOfItem(atPath: from.path)
        if let target = try? fm.attributesOfItem(atPath: to.path),
           (target[.size] as? Int) == (source[.size] as? Int),
           let sourceDate = source[.modificationDate] as? Date, let targetDate = target[.modificationDate] as? Date,
           targetDate >= sourceDate {
            return false
        }
        try AtomicFile.write(try Data(contentsOf: from), to: to, durable: false)
        return true
    }
}
