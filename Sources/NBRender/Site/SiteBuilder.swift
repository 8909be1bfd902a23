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

    struct Rendered: Sendable {
        var source: NotebookSource
        var result: Result<NotebookRender, NotebookRenderError>
    }

    /// One file to write in the pages phase.
    private enum Job: Sendable { case siteFile(String), page(Int) }

    private enum JobResult: Sendable {
        case page(written: Bool, diagnostics: [SiteDiagnostic])
        case siteFile(written: Bool)
        case failed(any Error)
    }

    public func build() throws -> SiteBuildReport {
        var clock = PhaseClock()
        let sources = SiteSources.scan(options.source, excluding: options.output)
        var diagnostics: [SiteDiagnostic] = []
        let (config, intro, configDiagnostics) = loadConfig(notebooks: sources.notebooks)
        diagnostics += configDiagnostics
        let notebookPaths = sources.notebooks.filter { $0 != "index.md" }

        // 1. Render every notebook (in parallel; results in path order).
        clock.lap("scan")
        let (rendered, renderLoads) = renderAll(notebookPaths)

        clock.lap("render", workers: renderLoads)
        renderer.buildFinished(notebooks: sources.notebooks)
        clock.lap("page cache")

        // 2. Site-wide structures.
        let entries = rendered.map { item -> SiteIndex.Entry in
            let render = try? item.result.get()
            return SiteIndex.Entry(path: item.source.outputPath, title: render?.title ?? item.source.relativePath,
                                   date: render?.date, category: render?.category, description: render?.summary ?? "")
        }
        let index = SiteIndex(entries)
        let layout = SiteLayout(config: config)
        let rewriter = LinkRewriter(notebooks: Set(sources.notebooks))

        // 3. Compose and write the notebook pages and the site files (in parallel; the site files
        //    first, so that no worker is left making one of them after the pages are done).
        let output = options.output
        let siteFiles = SiteFiles(config: config, layout: layout, index: index, intro: intro, pageStylesheet: options.pageStylesheet,
                                  pages: rendered.compactMap { item in (try? item.result.get()).map { (item.source.outputPath, $0) } })
        let jobs = siteFiles.names.map(Job.siteFile) + rendered.indices.map(Job.page)
        let (results, pageLoads): ([JobResult], [WorkerLoad]) = measuredParallelMap(jobs, jobs: options.jobs) { job in
            switch job {
            case .page(let i):
                let (written, notes) = writePage(rendered[i], layout: layout, index: index, rewriter: rewriter, output: output)
                return .page(written: written, diagnostics: notes)
            case .siteFile(let name):
                do {
                    return .siteFile(written: try AtomicFile.writeIfChanged(Data(siteFiles.text(of: name).utf8),
                                                                             to: output.appendingPathComponent(name), durable: false))
                } catch { return .failed(error) }
            }
        }
        var written: [String] = []
        for (job, result) in zip(jobs, results) {
            switch (job, result) {
            case (.page(let i), .page(let pageWritten, let notes)):
                if pageWritten { written.append(rendered[i].source.outputPath) }
                diagnostics += notes
            case (_, .failed(let error)): throw error
            default: break
            }
        }
        for (job, result) in zip(jobs, results) {
            if case .siteFile(let name) = job, case .siteFile(true) = result { written.append(name) }
        }

        clock.lap("pages", workers: pageLoads)

        // 4. The math font beside style.css, and static files, copied when new or changed (size or
        //    modification time).
        let font = try MathFontFile.write(besideStylesheet: "style.css", in: output)
        if font.written { written.append(font.path) }
        for asset in sources.assets {
            let from = options.source.appendingPathComponent(asset), to = output.appendingPathComponent(asset)
            if try copyIfChanged(from, to) { written.append(asset) }
        }

        clock.lap("assets")

        // 5. Remove what an earlier build wrote and this one did not.
        try Self.removeStale(keeping: rendered.map(\.source.outputPath) + siteFiles.names + [font.path] + sources.assets, in: output)

        clock.lap("cleanup")

        return Self.report(rendered, pages: rendered.map(\.source.outputPath), written: written, diagnostics: diagnostics,
                           phases: clock.phases)
    }

    /// Renders `paths` on the build's workers (results in the order of `paths`), reporting progress.
    func renderAll(_ paths: [String]) -> ([Rendered], [WorkerLoad]) {
        let root = options.source, renderer = self.renderer, progress = options.progress
        let done = Atomic<Int>(0)
        return measuredParallelMap(paths, jobs: options.jobs) { path in
            defer { progress?(done.wrappingAdd(1, ordering: .relaxed).newValue, paths.count) }
            return Self.render(path, root: root, renderer: renderer)
        }
    }

    /// The report of a build that rendered `rendered`: failed and broken notebooks, `--explain` lines.
    static func report(_ rendered: [Rendered], pages: [String], written: [String], diagnostics: [SiteDiagnostic],
                       phases: [SiteBuildPhase]) -> SiteBuildReport {
        SiteBuildReport(pages: pages, written: written, diagnostics: diagnostics,
                        failedNotebooks: rendered.filter { (try? $0.result.get())?.failed == true }.map(\.source.relativePath),
                        brokenNotebooks: rendered.filter { if case .failure = $0.result { true } else { false } }.map(\.source.relativePath),
                        cacheExplanation: rendered.flatMap { (try? $0.result.get())?.cacheExplanation ?? [] }, phases: phases)
    }

    /// Reads and renders one notebook; an unreadable or unparsable one is a failed result.
    static func render(_ path: String, root: URL, renderer: Renderer) -> Rendered {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(path)) else {
            return Rendered(source: NotebookSource(relativePath: path, text: ""),
                            result: .failure(NotebookRenderError(line: 1, message: "cannot read the file; check that it exists and is readable")))
        }
        let source = NotebookSource(relativePath: path, text: String(decoding: data, as: UTF8.self))
        do { return Rendered(source: source, result: .success(try renderer.render(source))) }
        catch let error as NotebookRenderError { return Rendered(source: source, result: .failure(error)) }
        catch { return Rendered(source: source, result: .failure(NotebookRenderError(line: 1, message: "\(error)"))) }
    }

    /// Composes a notebook's page (links to notebooks rewritten; an error page for a notebook that
    /// could not be rendered) and writes it when its bytes changed. A write error is a diagnostic.
    private func writePage(_ item: Rendered, layout: SiteLayout, index: SiteIndex, rewriter: LinkRewriter,
                           output: URL) -> (written: Bool, diagnostics: [SiteDiagnostic]) {
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
            return (try AtomicFile.writeIfChanged(Data(html.utf8), to: output.appendingPathComponent(path), durable: false), notes)
        } catch {
            notes.append(SiteDiagnostic(file: item.source.relativePath, line: 1, severity: .error,
                                        message: "cannot write \(path): \(error.localizedDescription)"))
            return (false, notes)
        }
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
            // The configuration comes from the front matter alone; the introduction is rendered as
            // every page is (site macros, page cache). Front matter errors are reported with the
            // index page itself.
            if !FileManager.default.fileExists(atPath: siteYAML.path),
               let front = try? FrontMatterParser.parse(SourceText(text)).frontMatter, front.openingLine > 0 {
                config = SiteConfig(front)
            }
            if let render = try? renderer.render(NotebookSource(relativePath: "index.md", text: text)) {
                intro = render.blocks.map(\.html).joined()
                diagnostics += render.diagnostics
            }
        }
        if let base = options.baseURL { config.baseURL = SiteConfig.baseURL(base) }
        if config.baseURL == nil {
            diagnostics.append(SiteDiagnostic(
                file: "site.yml", line: 1,
                message: "the site has no base URL, so sitemap.xml and feed.xml (which need absolute URLs) are not written",
                hint: "add `url: https://example.org/` to site.yml, or pass --base-url"))
        }
        return (config, intro, diagnostics)
    }

    /// Removes the files the last build listed in the output's manifest that `produced` no longer
    /// holds (only those: nothing else in the folder is touched), then lists `produced`.
    static func removeStale(keeping produced: [String], in output: URL) throws {
        let manifestURL = output.appendingPathComponent(manifestName)
        if let old = try? String(contentsOf: manifestURL, encoding: .utf8) {
            let keep = Set(produced)
            for stale in old.split(separator: "\n").map(String.init) where !keep.contains(stale) && !stale.contains("..") {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(stale))
            }
        }
        try AtomicFile.writeIfChanged(Data((produced.sorted().joined(separator: "\n") + "\n").utf8), to: manifestURL, durable: false)
    }

    func copyIfChanged(_ from: URL, _ to: URL) throws -> Bool {
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
