import Foundation
import NBExecution
import NBRender

/// `nb-bench site [--notebooks N] [--repeat R]`: `nb build` of a generated site (prose with CJK,
/// inline and display math, link-list references, links between notebooks, three small cells).
///
/// Reports: cold build (empty output and cell cache) with 1 and 2 workers and the speed-up; the
/// rebuild with nothing changed (ms per 100 notebooks; no cell runs); cold and warm times at
/// 50/100/200 notebooks for scaling. Each figure is the best of R runs.
enum SiteBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = Int(value(of: "--notebooks", in: arguments) ?? "200") ?? 200
        let repeats = Int(value(of: "--repeat", in: arguments) ?? "3") ?? 3
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-bench-site-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        print("site benchmark: \(count) generated notebooks, best of \(repeats), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(useCPUTime ? "CPU" : "wall-clock") time")

        let source = root.appendingPathComponent("notebooks-\(count)")
        try SiteGenerator.write(count: count, to: source)
        let one = try best(of: repeats) { try cold(source, root: root, jobs: 1) }
        let two = try best(of: repeats) { try cold(source, root: root, jobs: 2) }
        print(String(format: "cold build, %d notebooks: 1 worker %.3f s, 2 workers %.3f s, speed-up %.2f×", count, one, two, one / two))
        let warm = try best(of: repeats) { try rebuild(source, root: root, jobs: 2) }
        print(String(format: "no-change rebuild: %.1f ms (%.1f ms per 100 notebooks)", warm * 1000, warm * 1000 * 100 / Double(count)))

        print("scaling (2 workers):")
        for n in [50, 100, 200] {
            let folder = root.appendingPathComponent("notebooks-scale-\(n)")
            try SiteGenerator.write(count: n, to: folder)
            let coldTime = try best(of: repeats) { try cold(folder, root: root, jobs: 2) }
            let warmTime = try best(of: repeats) { try rebuild(folder, root: root, jobs: 2) }
            print(String(format: "  %3d notebooks: cold %.3f s (%.2f ms/notebook), no-change %.1f ms (%.3f ms/notebook)",
                         n, coldTime, coldTime * 1000 / Double(n), warmTime * 1000, warmTime * 1000 / Double(n)))
        }
    }

    /// A build from nothing: no output folder, no cell cache.
    static func cold(_ source: URL, root: URL, jobs: Int) throws -> Double {
        let output = root.appendingPathComponent("out")
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: source.appendingPathComponent(".nb-cache"))
        return try timed { try build(source, output: output, jobs: jobs) }
    }

    /// A rebuild after a full build, with nothing changed (the first build is not timed).
    static func rebuild(_ source: URL, root: URL, jobs: Int) throws -> Double {
        let output = root.appendingPathComponent("out")
        if !FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path) {
            try build(source, output: output, jobs: jobs)
        }
        return try timed {
            let report = try build(source, output: output, jobs: jobs)
            guard report.written.isEmpty, report.cacheExplanation.allSatisfy({ $0.hasSuffix(": cached") }) else {
                throw BenchmarkError.notIncremental(report.written.count)
            }
        }
    }

    @discardableResult
    static func build(_ source: URL, output: URL, jobs: Int) throws -> SiteBuildReport {
        let cache = CellResultCache(directory: source.appendingPathComponent(".nb-cache"))
        let renderer = NotebookPageRenderer(root: source, cache: cache, engineVersion: "bench")
        let options = SiteBuildOptions(source: source, output: output, jobs: jobs, pageStylesheet: PageStyle.css)
        let report = try SiteBuilder(options: options, renderer: renderer).build()
        guard report.exitCode == 0 else { throw BenchmarkError.buildFailed(report.diagnostics.prefix(3).map(\.description)) }
        return report
    }

    enum BenchmarkError: Error { case buildFailed([String]), notIncremental(Int) }

    /// Wall-clock seconds of `body`; with `--cpu`, CPU seconds of the process instead (user +
    /// system, all threads): steadier on a machine shared with other work.
    static func timed(_ body: () throws -> Void) throws -> Double {
        if useCPUTime {
            let before = cpuSeconds()
            try body()
            return cpuSeconds() - before
        }
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static let useCPUTime = CommandLine.arguments.contains("--cpu")

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func best(of count: Int, _ body: () throws -> Double) throws -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, count) { best = min(best, try body()) }
        return best
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
}

/// Writes a deterministic site of `count` notebooks in a few category folders.
enum SiteGenerator {
    static func write(count: Int, to folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        let categories = ["autodiff", "learning", "optimisation", "probability", "notes"]
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title: Generated notes\nurl: https://example.org/notes/\n".write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        for i in 0..<count {
            let category = categories[i % categories.count]
            let path = "\(category)/note-\(i).md"
            let next = "../\(categories[(i + 1) % categories.count])/note-\((i + 1) % count).md"
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try notebook(i, category: category, next: next).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static func notebook(_ i: Int, category: String, next: String) -> String {
        let day = 1 + i % 28, month = 1 + (i / 28) % 12
        var text = """
        ---
        title: Note \(i) on \(category)
        date: 20\(20 + i % 5)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)
        category: \(category)
        tags: [t\(i % 7), t\(i % 11)]
        ---

        # Derivatives, part \(i)

        """
        for p in 0..<6 {
            text += """
            自动求导 note \(i).\(p): the derivative of $f(x) = x^{\(p + 2)}$ is $f'(x) = \(p + 2) x^{\(p + 1)}$, and
            the dual number $a + b\\varepsilon$ with $\\varepsilon^2 = 0$ carries it. See [the next note](\(next)).
            Gradient descent steps $\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t)$ until it converges.

            $$\\frac{\\partial L}{\\partial w_{\(p)}} = \\sum_{i=1}^{n} (y_i - \\hat{y}_i) x_{i\(p)} + \\lambda \\lVert w \\rVert_1$$


            """
        }
        text += """
        ```nb
        f(x) = x^3 + 2*x
        f(\(i % 10))
        ```

        ```nb
        d = dual(\(i % 5), 1)
        d * d
        ```

        ```nb
        s = 0
        for k in 1...20 { s = s + k * \(i % 3 + 1) }
        s
        ```

        https://example.org/paper-\(i % 40)

        A paper on topic \(i % 40)

        https://example.org/blog-\(i)

        A blog post \(i)

        """
        return text
    }
}
