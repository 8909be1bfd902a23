import Foundation
import NBDocument

extension SiteBuilder {
    /// Publishes the notebooks into another site generator's source folder (`nb build --format
    /// jekyll|hugo --out SITE_SOURCE`): one page per notebook (`GeneratorPage`), the stylesheet,
    /// and the notebook folder's other files (images, data) at their paths. The generator makes
    /// the index, feeds and layout. Files are written only when their bytes change; files an
    /// earlier publish wrote that no longer belong are removed (listed in `.nb-manifest`, which
    /// Jekyll and Hugo ignore); nothing else in the folder is touched. A notebook that cannot be
    /// read gets no page (its error is reported).
    public func buildForGenerator(_ format: SiteFormat) throws -> SiteBuildReport {
        var clock = PhaseClock()
        let sources = SiteSources.scan(options.source, excluding: options.output)
        let notebookPaths = sources.notebooks.filter { $0 != "index.md" }
        clock.lap("scan")
        let (rendered, loads) = renderAll(notebookPaths)
        clock.lap("render", workers: loads)
        renderer.buildFinished(notebooks: sources.notebooks)

        let rewriter = LinkRewriter(notebooks: Set(sources.notebooks))
        var diagnostics: [SiteDiagnostic] = []
        var written: [String] = []
        var produced: [String] = [], pages: [String] = []
        var claimed: [String: String] = [:]
        for item in rendered {
            let file = item.source.relativePath
            let render: NotebookRender
            switch item.result {
            case .success(let value): render = value
            case .failure(let error):
                diagnostics.append(SiteDiagnostic(file: file, line: error.line, column: error.column, severity: .error, message: error.message))
                continue
            }
            diagnostics += render.diagnostics
            let path = GeneratorPage.path(for: item.source, render: render, format: format)
            if let other = claimed[path] {
                diagnostics.append(SiteDiagnostic(file: file, line: 1, severity: .error,
                                                  message: "\(path) is already the page of \(other); rename one of the notebooks"))
                continue
            }
            claimed[path] = file
            var content = ""
            for block in render.blocks {
                let (html, notes) = rewriter.rewrite(block, in: file)
                content += html
                diagnostics += notes
            }
            let text = GeneratorPage.file(render: render, content: content, format: format)
            if try AtomicFile.writeIfChanged(Data(text.utf8), to: options.output.appendingPathComponent(path), durable: false) {
                written.append(path)
            }
            produced.append(path)
            pages.append(path)
        }
        let stylesheet = GeneratorPage.stylesheetPath(for: format)
        let css = options.pageStylesheet + MathFontFile.siteStylesheet
        if try AtomicFile.writeIfChanged(Data(css.utf8), to: options.output.appendingPathComponent(stylesheet), durable: false) {
            written.append(stylesheet)
        }
        produced.append(stylesheet)
        let font = try MathFontFile.write(besideStylesheet: stylesheet, in: options.output)
        if font.written { written.append(font.path) }
        produced.append(font.path)
        let assetRoot = format == .hugo ? "static/" : ""
        for asset in sources.assets {
            let target = assetRoot + asset
            if try copyIfChanged(options.source.appendingPathComponent(asset), options.output.appendingPathComponent(target)) {
                written.append(target)
            }
            produced.append(target)
        }
        clock.lap("pages")
        try Self.removeStale(keeping: produced, in: options.output)
        clock.lap("cleanup")
        return Self.report(rendered, pages: pages, written: written, diagnostics: diagnostics, phases: clock.phases)
    }
}
