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
        runs no cell and an edited cell runs without re-running the cells above it. Exit status: 0 ok, 1 a cell \
        failed (its page still shows the error), 2 usage or a notebook that cannot be read.
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

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let source = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.error("\(directory): error: no such folder; pass the folder of notebooks (nb build DIR)")
            throw ExitCode(2)
        }
        // Notebooks already fill the cores: tensor products stay on their worker's thread
        // (the same bits either way — their blocks do not depend on the thread count).
        if jobs >= ProcessInfo.processInfo.activeProcessorCount { ComputeThreads.set(1) }
        let report: SiteBuildReport
        do {
            report = try SiteBuild.run(source: source, output: URL(fileURLWithPath: output), jobs: jobs, useCache: !noCache,
                                       progress: Progress.terminal)
        } catch {
            Terminal.error("\(output): error: cannot write the site: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        Progress.finish()
        for diagnostic in report.diagnostics { Terminal.error(diagnostic.formatted(under: directory)) }
        if explain { for line in report.cacheExplanation { print(line) } }
        print("\(output)/ (\(report.pages.count) pages, \(report.written.count) files updated)")
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The site build as `nb build` and `nb serve` run it.
enum SiteBuild {
    static func run(source: URL, output: URL, jobs: Int, useCache: Bool,
                    progress: (@Sendable (Int, Int) -> Void)?) throws -> SiteBuildReport {
        let cache = useCache ? CellResultCache(directory: source.appendingPathComponent(".nb-cache")) : nil
        let renderer = NotebookPageRenderer(root: source, cache: cache, engineVersion: NotebookExecution.engineVersion)
        let options = SiteBuildOptions(source: source, output: output, jobs: jobs, pageStylesheet: PageStyle.css, progress: progress)
        return try SiteBuilder(options: options, renderer: renderer).build()
    }
}

/// `[3/200] rendering` on stderr when it is a terminal, nothing otherwise.
enum Progress {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    static var terminal: (@Sendable (Int, Int) -> Void)? {
        guard isTerminal else { return nil }
        return { done, total in FileHandle.standardError.write(Data("\r\u{1B}[2Krendering \(done)/\(total)".utf8)) }
    }

    static func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}

extension SiteDiagnostic {
    /// `DIR/path:line:col: severity: message`.
    func formatted(under directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return "\(prefix)\(description)"
    }
}
