import NBLearning

/// The settings of `train(…)` read from a call (defaults from `train`'s declaration), and the loop that runs them: seeded mini-batches,
/// an optional linearly decaying learning rate, the cell's deadline checked every step, and a
/// loss that turns nan or infinite stopping training with its epoch and step.
struct TrainingRun {
    var epochs: Int
    var learningRate: Double
    var optimizer: String
    var momentum: Double
    var batchSize: Int?
    var loss: LossFunction
    var l2: Double
    /// The learning rate of step k of K is lr·(1 − decay·k/K) (micrograd's demo uses 0.9).
    var decay: Double
    var seed: UInt64

    /// The largest number of epochs × samples a single `train` call may process.
    static let maximumWork = 200_000_000

    init(_ call: BuiltinCall, samples: Int) throws(LanguageError) {
        epochs = try call.integer(label: "epochs")
        guard (0...1_000_000).contains(epochs) else { throw call.error("epochs must be between 0 and 1000000, got \(epochs)") }
        learningRate = try call.number(label: "lr")
        guard learningRate.isFinite, learningRate > 0 else { throw call.error("lr: must be a positive number") }
        optimizer = try call.string(label: "optimizer").lowercased()
        guard ["sgd", "adam"].contains(optimizer) else {
            throw call.error("unknown optimizer \"\(optimizer)\"", hint: "optimizer: \"sgd\" or \"adam\"")
        }
        momentum = try call.number(label: "momentum")
        guard (0..<1).contains(momentum) else { throw call.error("momentum: must lie in 0 ≤ m < 1") }
        batchSize = try call.optionalInteger(label: "batch")
        if let batchSize, batchSize < 1 { throw call.error("batch: must be a positive whole number") }
        let lossName = try call.string(label: "loss").lowercased()
        switch lossName {
        case "crossentropy", "cross-entropy", "ce": loss = .softmaxCrossEntropy
        case "mse": loss = .meanSquaredError
        case "hinge": loss = .hinge
        default: throw call.error("unknown loss \"\(lossName)\"", hint: "loss: \"crossentropy\", \"mse\" or \"hinge\"")
        }
        l2 = try call.number(label: "l2")
        guard l2 >= 0, l2.isFinite else { throw call.error("l2: must not be negative") }
        decay = try call.number(label: "decay")
        guard (0...1).contains(decay) else { throw call.error("decay: must lie between 0 and 1") }
        seed = try call.seed()
        let (work, overflow) = epochs.multipliedReportingOverflow(by: max(samples, 1))
        guard !overflow, work <= Self.maximumWork else {
            throw call.limitError("\(epochs) epochs over \(samples) samples is above the limit of \(Self.maximumWork) sample passes",
                                  hint: "train for fewer epochs")
        }
    }

    /// Trains `model` in place and returns the history.
    func run(_ model: inout MLP<Double>, inputs: Tensor<Double>, targets: TrainingTargets<Double>,
             call: BuiltinCall) throws(LanguageError) -> TrainingHistory {
        if optimizer == "adam" {
            var adam = Adam<Double>(learningRate: learningRate)
            return try loop(&model, &adam, inputs, targets, call)
        }
        var sgd = SGD<Double>(learningRate: learningRate, momentum: momentum)
        return try loop(&model, &sgd, inputs, targets, call)
    }

    private func loop<O: Optimizer>(_ model: inout MLP<Double>, _ optimizer: inout O, _ inputs: Tensor<Double>,
                                    _ targets: TrainingTargets<Double>, _ call: BuiltinCall) throws(LanguageError) -> TrainingHistory
    where O.Scalar == Double {
        let samples = inputs.shape[0]
        var generator = SeededGenerator(seed: seed)
        let size = min(batchSize ?? samples, samples)
        let totalSteps = epochs * ((samples + size - 1) / size)
        var history = TrainingHistory()
        let budget = call.budget
        budget.report("epoch", 0, of: epochs)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            let batches = try call.learning {
                try MiniBatches(count: samples, batchSize: size, shuffle: size < samples, generator: &generator)
            }
            var lossSum = 0.0
            var correct: Int?
            for (index, batch) in batches.batches.enumerated() {
                try call.checkTimeout()
                if decay > 0 { optimizer.learningRate = learningRate * (1 - decay * Double(history.steps) / Double(totalSteps)) }
                let whole = batch.count == samples
                let result = try call.learning {
                    try trainingStep(&model, inputs: whole ? inputs : inputs.gathering(batch),
                                     targets: whole ? targets : targets.gathering(batch), loss: loss,
                                     optimizer: &optimizer, l2Penalty: l2)
                }
                guard result.loss.isFinite else {
                    throw call.error("the loss became \(NumberFormat.format(result.loss)) at epoch \(epoch), step \(index + 1); training stopped",
                                     hint: "try a smaller learning rate (lr:)")
                }
                history.steps += 1
                lossSum += result.loss * Double(batch.count)
                if let c = result.correct { correct = (correct ?? 0) + c }
            }
            history.loss.append(lossSum / Double(max(samples, 1)))
            if let correct { history.accuracy = (history.accuracy ?? []) + [Double(correct) / Double(samples)] }
            budget.report("epoch", epoch, of: epochs, loss: history.loss.last)
        }
        return history
    }
}
