import Foundation

/// Command-line options of a workload: `--name value` pairs and bare words.
enum BenchArguments {
    static func value(of option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// The words that are neither an option in `options` nor its value.
    static func positional(_ arguments: [String], options: Set<String>) -> [String] {
        var words: [String] = []
        var skip = false
        for word in arguments {
            if skip { skip = false; continue }
            if options.contains(word) { skip = true; continue }
            words.append(word)
        }
        return words
    }
}

/// Timing for benchmarks. Wall clock for whole-process work, thread CPU time for single-threaded
/// kernels (robust on a machine shared with other jobs).
enum BenchClock {
    static func wallSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Median wall-clock seconds of `count` runs of `body`.
    static func median(of count: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, count) {
            let start = wallSeconds()
            try body()
            times.append(wallSeconds() - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Fastest of `count` runs, in thread CPU seconds.
    static func bestCPU(of count: Int, _ body: () throws -> Void) rethrows -> Double {
        var fastest = Double.infinity
        for _ in 0..<max(1, count) {
            let start = cpuSeconds()
            try body()
            fastest = min(fastest, cpuSeconds() - start)
        }
        return fastest
    }
}
