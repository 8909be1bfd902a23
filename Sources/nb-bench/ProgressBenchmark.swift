// `nb-bench progress`: what progress reporting costs a training run. The MLP workload of
// `nb-bench learning` (64-256-256-10, batch 256, Float, one SGD step per epoch, so one report per
// step — the most a loop reports) is trained by `train()` with a budget that has no progress sink
// and with one that does what nb's terminal line does per report (read the clock, take a lock,
// format and write a line at most every 0.1 s, here to /dev/null). The two alternate in rounds;
// each side reports its best window. Target: < 1% slower with the sink.
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
        let rounds = 6
        var without = 0.0, with = 0.0
        for _ in 0..<rounds {
            without = max(without, try LearningBenchmark.bestWindowRate(seconds: seconds / Double(rounds), window: 1) { try window(silent) })
            with = max(with, try LearningBenchmark.bestWindowRate(seconds: seconds / Double(rounds), window: 1) { try window(reporting) })
        }
        let stepsWithout = without * Double(epochs), stepsWith = with * Double(epochs)
        print("MLP 64-256-256-10 training, batch 256, Float, \(epochs) epochs per window, best window over \(rounds) alternating rounds")
        print(String(format: "  no progress sink:      %8.1f steps/s", stepsWithout))
        print(String(format: "  terminal-like sink:    %8.1f steps/s  (%d reports, %d lines drawn)", stepsWith, sink.reports, sink.draws))
        print(String(format: "  cost of progress:      %+.2f%%  (target < 1%%)", 100 * (stepsWithout / stepsWith - 1)))
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
