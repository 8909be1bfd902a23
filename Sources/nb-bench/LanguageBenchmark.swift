import Foundation
import NBLanguage

/// Interpreter overhead: a scalar loop of 10⁶ iterations (`for i in 1...1000000 { s = s + i }`),
/// reported in ns per iteration (best of several runs), plus a user-function call loop.
enum LanguageBenchmark {
    static func run(_ arguments: [String]) throws {
        let iterations = arguments.first.flatMap(Int.init) ?? 1_000_000
        let repeats = 5
        let workloads: [(name: String, setup: String, loop: String)] = [
            ("scalar loop  s = s + i", "s = 0", "for i in 1...\(iterations) { s = s + i }"),
            ("call loop    s = s + f(i)", "s = 0\nf(x) = 2*x + 1", "for i in 1...\(iterations) { s = s + f(i) }"),
        ]
        print("language: interpreter overhead, \(iterations) iterations, best of \(repeats)")
        for workload in workloads {
            var bestWall = Double.infinity, bestCPU = Double.infinity
            for _ in 0..<repeats {
                let session = Session()
                _ = session.run(cell: workload.setup)
                let wallStart = DispatchTime.now().uptimeNanoseconds
                let cpuStart = processCPUNanoseconds()
                let outcome = session.run(cell: workload.loop)
                let cpu = processCPUNanoseconds() - cpuStart
                let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart)
                if let error = outcome.error { throw BenchmarkFailure(message: error.message) }
                bestWall = min(bestWall, wall / Double(iterations))
                bestCPU = min(bestCPU, cpu / Double(iterations))
            }
            print("  \(workload.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", bestWall)) ns/iteration wall, \(String(format: "%7.1f", bestCPU)) ns CPU")
        }
    }

    /// CPU time of the whole process (the cell runs on its own thread), robust on a loaded machine.
    private static func processCPUNanoseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1e9 + Double(spec.tv_nsec)
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "language benchmark cell failed: \(message)" }
    }
}
