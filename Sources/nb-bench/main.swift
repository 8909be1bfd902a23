// nb-bench: release-build benchmarks. `swift run -c release nb-bench WORKLOAD [options]`.
// Each workload lives in its own file; figures are reported as ratios against a peer measured
// in the same run, never asserted in tests.
import Foundation
import NBLearning

let workloads: [(name: String, summary: String, run: ([String]) throws -> Void)] = [
    ("render", "Markdown → HTML pipeline vs plain cmark (MB/s); nb render vs the cmark CLI (time, RSS)", RenderBenchmark.run),
    ("autodiff", "reverse mode ns/node, symbolic swell, vs micrograd / SymPy", AutodiffBenchmark.run),
    ("language", "interpreter loops vs CPython, grad through cells, a training epoch in cells vs train/PyTorch", LanguageBenchmark.run),
    ("learning", "MLP step, SGEMM, micrograd moons demo vs peers", LearningBenchmark.run),
    ("progress", "MLP training with and without a terminal progress sink (cost < 1%)", ProgressBenchmark.run),
    ("site", "nb build of a generated site: cold, warm, workers", SiteBenchmark.run),
    ("test", "nb test vs nb run overhead", CheckBenchmark.run),
    ("math", "math scan + TeX → MathML vs plain cmark (MB/s)", MathBenchmark.run),
    ("links", "references and links: time at n and 10n (ratio ≤ 12)", LinkScalingBenchmark.run),
    ("math-scaling", "hostile math inputs at n and 10n; fails above ratio 12", MathScalingBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let workload = workloads.first(where: { $0.name == name }) else {
    print("usage: nb-bench WORKLOAD [options]\n\nworkloads:")
    for w in workloads { print("  \(w.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(w.summary)") }
    exit(arguments.isEmpty ? 0 : 2)
}
AllocatorTuning.configureForTensorWork()
// nb loads OpenBLAS with one thread (its products are single-threaded calls); the benchmarks also
// call the library directly as a peer with its own pool, which must be sized before it loads.
if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil {
    setenv("OPENBLAS_NUM_THREADS", String(ProcessInfo.processInfo.activeProcessorCount), 1)
}
print(BenchmarkMachine.description)
do {
    try workload.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("nb-bench: \(error)\n".utf8))
    exit(1)
}
