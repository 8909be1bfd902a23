import ArgumentParser
import Foundation
import NBExecution
import NBLearning
import NBRender

/// `nb build [DIR] [--out DIR] [--jobs N] [--explain]` (SPEC §2, §7).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render every notebook under a folder into a static site.",
        discussion: """
        Writes a page per notebook (folders kept), index.html, style.css, sitemap.xml, feed.xml, \
        bibliography.html and a small search index. Site title and base URL come from DIR/site.yml \
        (title, url, description, author) or the front matter of DIR/index.md. Cell results are cached \
        in DIR/.nb-cache together with the environment after each cell, so a rebuild with nothing changed \
        runs no cell and an edited cell runs without re-running the cells above it. Warnings and errors \
        go to stderr with the source line, followed by their count. Exit status: 0 ok, 1 a cell \
        failed (its page still shows the error) or, with --warnings-as-errors, there was a warning, \
        2 usage or a notebook that cannot be read.
        """
    )

    @ArgumentParser.Argument(help: "The folder of notebooks.")
    var directory: String = "notebooks"

    @Option(name: .customLong("out"), help: "Where to write the site.")
    var output: String = "site"

    @Option(name: .shortAndLong, help: "Notebooks rendered at once (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Say for every cell whether it came from the cache or ran, and why; a cached cell whose stored environment was restored, or that had to be replayed to rebuild the environment, says so.")
    var explain = false

    @Flag(help: "Run every cell, ignoring and not updating the cache.")
    var noCache = false

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var warnings: WarningOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let progress = terminal.progress()
        defer { progress?.finish() }
        let diagnostics = DiagnosticPrinter(warningsAsErrors: warnings.warningsAsErrors, progress: progress)
        let source = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.report(error: "no such folder; pass the folder of notebooks (nb build DIR)", about: directory)
            throw ExitCode(2)
        }
        // Notebooks already fill the cores: tensor products stay on their worker's thread
        // (the same bits either way — their blocks do not depend on the thread count).
        if jobs >= ProcessInfo.processInfo.activeProcessorCount { ComputeThreads.set(1) }
        let report: SiteBuildReport
        do {
            report = try SiteBuild.run(source: source, output: URL(fileURLWithPath: output), jobs: jobs, useCache: !noCache,
                                       progress: progress)
        } catch {
            progress?.finish()
            diagnostics.report(error: "cannot write the site: \(error.localizedDescription)", about: output)
            throw ExitCode(2)
        }
        progress?.finish()
        for diagnostic in report.diagnostics { diagnostics.report(diagnostic, under: directory) }
        if explain { for line in report.cacheExplanation { print(line) } }
        print("\(output)/ (\(report.pages.count) pages, \(report.written.count) files updated)")
        try diagnostics.finish()
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The site build as `nb build` and `nb serve` run it.
enum SiteBuild {
    /// `progress` (a terminal's progress line) hears the page count and the running cells.
    static func run(source: URL, output: URL, jobs: Int, useCache: Bool, progress: TerminalProgress?) throws -> SiteBuildReport {
        let cache = useCache ? CellResultCache(directory: source.appendingPathComponent(".nb-cache")) : nil
        var renderer = NotebookPageRenderer(root: source, cache: cache, engineVersion: NotebookExecution.engineVersion)
        renderer.progress = progress
        let options = SiteBuildOptions(source: source, output: output, jobs: jobs, pageStylesheet: PageStyle.css,
                                       progress: progress?.pageCallback)
        return try SiteBuilder(options: options, renderer: renderer).build()
    }
}
