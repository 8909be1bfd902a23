import Foundation
import NBCheck
import NBDocument
import NBExecution

/// `nb-bench test [PATH...] [--repeat R]`: wall time of `nb test` over notebooks, and the overhead
/// of the test machinery (comparison, verdicts) over plain `nb run` of the same notebooks.
enum CheckBenchmark {
    static func run(_ arguments: [String]) throws {
        let repeats = Int(BenchArguments.value(of: "--repeat", in: arguments) ?? "5") ?? 5
        let paths = BenchArguments.positional(arguments, options: ["--repeat"])
        let files = try NotebookFiles.find(paths.isEmpty ? ["notebooks"] : paths)
        print("test benchmark: \(files.count) notebooks, median of \(repeats) (wall clock, one worker)")
        let runTime = BenchClock.median(of: repeats) {
            for file in files {
                guard let document = try? DocumentParser.parse(contentsOfFile: file) else { continue }
                _ = NotebookExecution(document: document, path: file).run()
            }
        }
        let testTime = BenchClock.median(of: repeats) {
            for file in files { _ = NotebookTest(file: file).run() }
        }
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let parallel = BenchClock.median(of: repeats) {
            _ = parallelMap(files, jobs: jobs) { NotebookTest(file: $0).run() }
        }
        print(String(format: "nb run (all notebooks)   %8.3f s", runTime))
        print(String(format: "nb test (all notebooks)  %8.3f s   overhead over run: %+.1f%%", testTime, 100 * (testTime / runTime - 1)))
        print(String(format: "nb test, %d workers       %8.3f s   speed-up %.2f×", jobs, parallel, testTime / parallel))
    }
}
