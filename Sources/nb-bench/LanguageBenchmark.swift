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
            var best = Double.infinity
            for _ in 0..<repeats {
                let session = Session()
                _ = session.run(cell: workload.setup)
                let start = DispatchTime.now().uptimeNanoseconds
                let outcome = session.run(cell: workload.loop)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
                if let error = outcome.error { throw BenchmarkFailure(message: error.message) }
                best = min(best, elapsed / Double(iterations))
            }
            print("  \(workload.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", best)) ns/iteration")
        }
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "language benchmark cell failed: \(message)" }
    }
}
