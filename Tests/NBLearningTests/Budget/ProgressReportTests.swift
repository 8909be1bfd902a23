import Synchronization
import Testing
@testable import NBLearning

/// Long loops report epoch k of N and their loss through the budget's progress sink, and reporting
/// changes nothing they compute.
@Suite struct ProgressReportTests {
    final class Recorder: ProgressSink {
        let reports = Mutex<[LoopProgress]>([])
        func report(_ progress: LoopProgress) { reports.withLock { $0.append(progress) } }
        var all: [LoopProgress] { reports.withLock { $0 } }
    }

    static func budget(_ sink: Recorder) -> Budget {
        var budget = Budget.unlimited
        budget.progress = sink
        return budget
    }

    @Test func trainingReportsEveryEpochWithItsLossAndComputesTheSame() throws {
        let inputs = try Tensor<Double>.randomNormal([20, 3], seed: 1)
        let targets = TrainingTargets<Double>.classes((0..<20).map { $0 % 2 })
        let configuration = TrainingConfiguration(epochs: 4, batchSize: 8, seed: 3)
        func run(_ budget: Budget) throws -> (TrainingHistory, [Double]) {
            var model = try MLP<Double>(sizes: [3, 5, 2], seed: 0)
            var optimizer = SGD<Double>(learningRate: 0.1)
            let history = try train(&model, inputs: inputs, targets: targets, loss: .softmaxCrossEntropy,
                                    optimizer: &optimizer, configuration: configuration, budget: budget)
            return (history, model.parameters.flatMap(\.scalars))
        }
        let recorder = Recorder()
        let (reported, reportedParameters) = try run(Self.budget(recorder))
        let (silent, silentParameters) = try run(.unlimited)
        #expect(reported.loss == silent.loss)
        #expect(reportedParameters == silentParameters)
        let reports = recorder.all
        #expect(reports.map(\.step) == [0, 1, 2, 3, 4])
        #expect(reports.allSatisfy { $0.total == 4 && $0.unit == "epoch" })
        #expect(reports.dropFirst().map(\.loss) == silent.loss.map { Optional($0) })
    }

    @Test func semiSupervisedAndSelfSupervisedLoopsReport() throws {
        let x = try Tensor<Double>.randomNormal([24, 2], seed: 5)
        let labels: [Int?] = (0..<24).map { $0 < 4 ? $0 % 2 : nil }
        let recorder = Recorder()
        _ = try VirtualAdversarialTraining(hiddenSizes: [4], epochs: 3).fit(x, labels: labels, classes: 2, seed: 0,
                                                                            budget: Self.budget(recorder))
        #expect(recorder.all.map(\.step) == [0, 1, 2, 3])
        #expect(recorder.all.last?.loss?.isFinite == true)
    }

    @Test func noSinkNoReports() {
        // A budget without a sink reports nowhere (and costs one nil check).
        Budget.unlimited.report("epoch", 1, of: 2, loss: 0.5)
        #expect(Budget.unlimited.progress == nil)
    }
}
