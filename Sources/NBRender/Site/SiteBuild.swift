import Foundation
import NBExecution

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
    /// The site's absolute base URL (`nb build --base-url`), used over `url:` in `site.yml`.
    public var baseURL: String?

    public init(source: URL, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, pageStylesheet: String = "",
                baseURL: String? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.source = source; self.output = output; self.jobs = max(1, jobs); self.pageStylesheet = pageStylesheet
        self.baseURL = baseURL; self.progress = progress
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
    /// Where the time went, phase by phase.
    public var phases: [SiteBuildPhase] = []

    /// 0 ok, 1 a cell failed somewhere, 2 a notebook could not be read or parsed.
    public var exitCode: Int32 { !brokenNotebooks.isEmpty ? 2 : (!failedNotebooks.isEmpty ? 1 : 0) }
}

/// Where part of a build's time went (`nb-bench site --timings`). Profiling only: no output
/// depends on it.
public struct SiteBuildPhase: Sendable {
    /// `scan` (with the site's configuration), `render`, `page cache` (saving it), `pages` (notebook
    /// pages and site files), `assets`, `cleanup`.
    public var name: String
    /// Wall-clock seconds.
    public var seconds: Double
    /// CPU seconds of the whole process (all threads) during the phase.
    public var cpuSeconds: Double
    /// Per worker of a parallel phase, its items and CPU seconds; empty for a serial phase.
    public var workers: [WorkerLoad]

    public init(name: String, seconds: Double, cpuSeconds: Double, workers: [WorkerLoad] = []) {
        self.name = name; self.seconds = seconds; self.cpuSeconds = cpuSeconds; self.workers = workers
    }
}

/// Stamps the end of each phase of a build.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var cpuStart: Double
    private(set) var phases: [SiteBuildPhase] = []

    init() { start = clock.now; cpuStart = CPUClock.process }

    /// Ends the current phase under `name` and starts the next.
    mutating func lap(_ name: String, workers: [WorkerLoad] = []) {
        let now = clock.now, cpu = CPUClock.process
        let elapsed = (now - start).components
        phases.append(SiteBuildPhase(name: name, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
                                     cpuSeconds: cpu - cpuStart, workers: workers))
        start = now; cpuStart = cpu
    }
}
