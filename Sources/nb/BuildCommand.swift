import ArgumentParser
import Foundation
import NBExecution
import NBLearning
import NBRender

/// `nb build [DIR] [--out DIR] [--jobs N] [--explain] [--cache-url URL] [--shard K/N]` (SPEC §2, §7).
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render every notebook under a folder into a static site.",
        discussion: """
        Writes a page per notebook (folders kept), index.html, style.css, sitemap.xml, feed.xml, \
        bibliography.html and a small search index. Site title and base URL come from DIR/site.yml \
        (title, url, description, author) or the front matter of DIR/index.md; --base-url gives the \
        base URL too (without one there is no sitemap.xml and no feed.xml, which need absolute URLs). Cell results are cached \
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

    @Option(help: ArgumentHelp(
        "html: nb's own site. jekyll: each notebook as a post (_posts/YYYY-MM-DD-slug.html, when it has a date) or page of the Jekyll site whose source folder is --out. hugo: content/PATH.html of a Hugo site.",
        valueName: "html|jekyll|hugo"))
    var format: SiteFormat = .html

    @Option(name: .customLong("cache-url"), help: ArgumentHelp(
        "A cache server shared with other machines (Bazel's HTTP remote-cache layout: URL/ac/, URL/cas/).",
        discussion: "Results missing locally are fetched from it (checked by SHA-256) and results of cells that ran are stored on it. A server that is down, slow or failing costs one warning, never the build.",
        valueName: "URL"))
    var cacheURL: String?

    @Option(help: ArgumentHelp(
        "Build only slice K of N of the notebooks and write no site; a final nb build with the same cache assembles the site.",
        valueName: "K/N"))
    var shard: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The site's absolute URL (https://example.org/notes/), over url: in site.yml.",
        discussion: "The sitemap and the feed need absolute URLs: without a base URL they are not written, with a warning.",
        valueName: "URL"))
    var baseURL: String?

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var warnings: WarningOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let cacheURL, RemoteCache.validURL(cacheURL) == nil {
            throw ValidationError("--cache-url must be an http:// or https:// URL with a host, e.g. http://cache.example:8080/nb")
        }
        if let shard, SiteShard(shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. --shard 2/4")
        }
        if let baseURL, SiteConfig.baseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http:// or https:// URL, e.g. https://example.org/notes/")
        }
        if noCache, cacheURL != nil || shard != nil {
            throw ValidationError("--no-cache cannot be combined with --cache-url or --shard (they exist to fill the cache)")
        }
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
        let remote = cacheURL.flatMap(RemoteCache.validURL).map { RemoteCache(url: $0) }
        do {
            report = try SiteBuild.run(source: source, output: URL(fileURLWithPath: output), jobs: jobs, useCache: !noCache,
                                       remote: remote, shard: shard.flatMap(SiteShard.init), format: format,
                                       baseURL: baseURL, progress: progress)
        } catch {
            progress?.finish()
            diagnostics.report(error: "cannot write the site: \(error.localizedDescription)", about: output)
            throw ExitCode(2)
        }
        progress?.finish()
        // Not counted by --warnings-as-errors: a cache server that is down must never fail a build.
        if let warning = remote?.warning { Terminal.error("warning: \(warning)") }
        for diagnostic in report.diagnostics { diagnostics.report(diagnostic, under: directory) }
        if explain { for line in report.cacheExplanation { print(line) } }
        if let shard {
            print("shard \(shard): \(report.pages.count) notebooks built into the cache; no site written")
        } else {
            print("\(output)/ (\(report.pages.count) pages, \(report.written.count) files updated)")
        }
        try diagnostics.finish()
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The site build as `nb build` and `nb serve` run it.
enum SiteBuild {
    /// `progress` (a terminal's progress line) hears the page count and the running cells.
    static func run(source: URL, output: URL, jobs: Int, useCache: Bool, remote: RemoteCache? = nil, shard: SiteShard? = nil,
                    format: SiteFormat = .html, baseURL: String? = nil, progress: TerminalProgress?) throws -> SiteBuildReport {
        let cache = useCache ? CellResultCache(directory: source.appendingPathComponent(".nb-cache"), remote: remote) : nil
        var renderer = NotebookPageRenderer(root: source, cache: cache, engineVersion: NotebookExecution.engineVersion)
        renderer.progress = progress
        let options = SiteBuildOptions(source: source, output: output, jobs: jobs, pageStylesheet: PageStyle.css,
                                       baseURL: baseURL, progress: progress?.pageCallback)
        let builder = SiteBuilder(options: options, renderer: renderer)
        guard let shard else { return format == .html ? try builder.build() : try builder.buildForGenerator(format) }
        return builder.buildShard(shard) { path in
            cache?.recordedSeconds(documentKey: source.appendingPathComponent(path).standardizedFileURL.path)
        }
    }
}
