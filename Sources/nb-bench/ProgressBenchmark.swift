// `nb-bench progress`: what progress reporting costs a training run. The MLP workload of
// `nb-bench learning` (64-256-256-10, batch 256, Float, one SGD step per epoch, so one report per
// step — the most a loop reports) is trained by `train()` with a budget that has no progress sink
// and with one that does what nb's terminal line does per report (read the clock, take a lock,
// format and write a line at most every 0.1 s, here to /dev/null). The two alternate window by
// window (25 epochs each) on one compute thread; each side reports the CPU time of its fastest and
// its median window (thread CPU time: the machine is shared). Target: < 1% slower with the sink.
//
// Options: --seconds S (per side, default 6) · --threads N (compute threads, default 1).
import Dispatch
import Foundation
import NBLearning
import Synchronization

enum ProgressBenchmark {
    static func run(_ arguments: [String]) throws {
        let seconds = Double(LearningBenchmark.option("--seconds", in: arguments) ?? "") ?? 6
        ComputeThreads.set(Int(LearningBenchmark.option("--threads", in: arguments) ?? "") ?? 1)
        print("nb-bench progress — compute threads: \(ComputeThreads.count), \(seconds) s per side")
        var generator = SeededGenerator(seed: 0)
        let inputs = try Tensor<Float>.randomNormal([256, 64], generator: &generator)
        let targets = TrainingTargets<Float>.classes((0..<256).map { _ in generator.nextIndex(below: 10) })
        var model = try MLP<Float>(sizes: [64, 256, 256, 10], activation: .relu, seed: 0)
        let epochs = 25
        let configuration = TrainingConfiguration(epochs: epochs, shuffle: false)
        let sink = TerminalLikeSink()
        let silent = Budget.unlimited
        var reporting = Budget.unlimited
        reporting.progress = sink
        func window(_ budget: Budget) throws {
            var optimizer = SGD<Float>(learningRate: 0.01)
            _ = try train(&model, inputs: inputs, targets: targets, loss: .softmaxCrossEntropy, optimizer: &optimizer,
                          configuration: configuration, budget: budget)
        }
        try window(silent); try window(reporting)  // warm up
        var without: [Double] = [], with: [Double] = []
        let start = ContinuousClock.now
        repeat {
            for (budget, isReporting) in [(silent, false), (reporting, true)] {
                let before = cpuNanoseconds()
                try window(budget)
                let perStep = Double(cpuNanoseconds() - before) / Double(epochs) / 1e3
                if isReporting { with.append(perStep) } else { without.append(perStep) }
            }
        } while LearningBenchmark.seconds(since: start) < 2 * seconds
        print("MLP 64-256-256-10 training, batch 256, Float, \(epochs) epochs per window, \(without.count) windows per side, alternating")
        print(String(format: "  no progress sink:    fastest %7.1f µs/step  median %7.1f µs/step", without.min() ?? .nan, median(without)))
        print(String(format: "  terminal-like sink:  fastest %7.1f µs/step  median %7.1f µs/step  (%d reports, %d lines drawn)",
                     with.min() ?? .nan, median(with), sink.reports, sink.draws))
        print(String(format: "  cost of progress:    fastest %+.2f%%  median %+.2f%%  (target < 1%%)",
                     100 * ((with.min() ?? .nan) / (without.min() ?? .nan) - 1), 100 * (median(with) / median(without) - 1)))
    }

    /// Does per report what nb's `TerminalProgress` does: clock, lock, and a line every 0.1 s.
    final class TerminalLikeSink: ProgressSink, @unchecked Sendable {
        private struct State { var last: UInt64 = 0; var reports = 0; var draws = 0 }
        private let state = Mutex(State())
        private let output = FileHandle(forWritingAtPath: "/dev/null")

        func report(_ progress: LoopProgress) {
            let now = DispatchTime.now().uptimeNanoseconds
            state.withLock { state in
                state.reports += 1
                guard progress.step == 0 || now - state.last >= 100_000_000 else { return }
                state.last = now
                state.draws += 1
                let line = "\r\u{1B}[2Kbench.md: cell fit (line 1) \(progress.task ?? "train") \(progress.unit) \(progress.step)/\(progress.total)"
                    + String(format: "  loss %.4g", progress.loss ?? 0)
                output?.write(Data(line.utf8))
            }
        }

        var reports: Int { state.withLock { $0.reports } }
        var draws: Int { state.withLock { $0.draws } }
    }
}
