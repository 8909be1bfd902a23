import Foundation

/// What `nb build` is asked to do.
public struct SiteBuildOptions: Sendable {
    /// The folder of notebooks (default `notebooks/`).
    public var source: URL
    /// Where the site goes (default `site/`).
    public var output: URL
    /// Worker threads for rendering (default: all cores).
    public var jobs: Int
    /// The page stylesheet (from the page renderer); the site chrome is appended to it in `style.css`.
    public var pageStylesheet: String
    /// Called after each notebook is rendered with (done, total), from any thread (progress display).
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(source: URL, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, pageStylesheet: String = "",
                progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.source = source; self.output = output; self.jobs = max(1, jobs); self.pageStylesheet = pageStylesheet
        self.progress = progress
    }
}

/// The outcome of a site build.
public struct SiteBuildReport: Sendable {
    /// Output paths of the notebook pages, in notebook path order.
    public var pages: [String]
    /// Output files whose bytes changed in this build.
    public var written: [String]
    /// Warnings and errors, notebooks in path order.
    public var diagnostics: [SiteDiagnostic]
    /// Notebooks with a failed cell (their page shows the error in place).
    public var failedNotebooks: [String]
    /// Notebooks that could not be rendered at all (their page is an error page).
    public var brokenNotebooks: [String]
    /// Per notebook and cell: cached, or ran and why (`--explain`).
    public var cacheExplanation: [String]

    /// 0 ok, 1 a cell failed somewhere, 2 a notebook could not be read or parsed.
    public var exitCode: Int32 { !brokenNotebooks.isEmpty ? 2 : (!failedNotebooks.isEmpty ? 1 : 0) }
}
