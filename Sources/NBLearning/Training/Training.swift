/// The settings of a training run.
public struct TrainingConfiguration: Sendable {
    public var epochs: Int
    /// Samples per step; nil trains on the whole data set each step.
    public var batchSize: Int?
    /// Shuffles the samples every epoch (seeded by `seed`).
    public var shuffle: Bool
    public var seed: UInt64
    /// α in the penalty α·Σ p² added to the loss over every parameter (micrograd's demo uses 1e-4).
    public var l2Penalty: Double
    /// The learning rate for a 0-based global step, given the total number of steps; nil keeps the
    /// optimiser's.
    public var schedule: (@Sendable (_ step: Int, _ totalSteps: Int) -> Double)?

    public init(
        epochs: Int, batchSize: Int? = nil, shuffle: Bool = true, seed: UInt64 = 0, l2Penalty: Double = 0,
        schedule: (@Sendable (Int, Int) -> Double)? = nil
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.l2Penalty = l2Penalty
        self.schedule = schedule
    }
}

/// The outcome of one optimiser step.
public struct StepResult: Sendable, Equatable {
    /// The loss (including any penalty) before the update.
    public var loss: Double
    /// Correctly classified samples of the batch, nil for regression.
    public var correct: Int?
}

/// One step: forward on a fresh tape, loss (+ L2 penalty), backward, optimiser update. The tape is
/// released before the update so parameters are updated in place.
public func trainingStep<M: Model, O: Optimizer>(
    _ model: inout M, inputs: Tensor<M.Scalar>, targets: TrainingTargets<M.Scalar>, loss function: LossFunction,
    optimizer: inout O, l2Penalty: Double = 0
) throws -> StepResult where O.Scalar == M.Scalar {
    let (result, gradients) = try lossAndGradients(model, inputs: inputs, targets: targets, loss: function, l2Penalty: l2Penalty)
    if result.loss.isFinite {
        try model.updateParameters { try optimizer.update(&$0, gradients: gradients) }
    }
    return result
}

/// Forward and backward without updating: the loss and the gradient of every parameter.
public func lossAndGradients<M: Model>(
    _ model: M, inputs: Tensor<M.Scalar>, targets: TrainingTargets<M.Scalar>, loss function: LossFunction,
    l2Penalty: Double = 0
) throws -> (StepResult, [Tensor<M.Scalar>]) {
    let tape = TensorTape<M.Scalar>()
    let parameters = model.parameters.map(tape.variable)
    let output = try model.forward(tape.constant(inputs), parameters: parameters)
    var loss = try output.loss(function, targets: targets)
    if l2Penalty != 0 {
        for p in parameters { loss = try loss + p.sumOfSquares() * M.Scalar(l2Penalty) }
    }
    let value = Double(loss.value.scalars[0])
    let correct = try targets.correctCount(output.value)
    guard value.isFinite else { return (StepResult(loss: value, correct: correct), []) }
    let gradients = try tape.gradients(of: loss)
    return (StepResult(loss: value, correct: correct), parameters.map { gradients[$0] })
}

/// Trains `model` on `inputs` (samples along axis 0) and returns the history. A loss that turns
/// nan or infinite stops training with `TrainingError.nonFiniteLoss` naming the epoch and step;
/// `budget` is checked before every step (`BudgetExceeded`).
public func train<M: Model, O: Optimizer>(
    _ model: inout M, inputs: Tensor<M.Scalar>, targets: TrainingTargets<M.Scalar>, loss function: LossFunction,
    optimizer: inout O, configuration: TrainingConfiguration, budget: Budget = .unlimited
) throws -> TrainingHistory where O.Scalar == M.Scalar {
    let sampleCount = inputs.shape.first ?? 0
    guard inputs.rank >= 1, sampleCount == targets.count else {
        throw TrainingError.sampleCountMismatch(inputs: inputs.shape, targets: targets.count)
    }
    guard configuration.epochs >= 0 else { throw TensorError.invalidArgument("epochs must not be negative") }
    try Budget.checkIterations(configuration.epochs, argument: "epochs")
    var generator = SeededGenerator(seed: configuration.seed)
    let batchSize = configuration.batchSize ?? Swift.max(sampleCount, 1)
    let stepsPerEpoch = (sampleCount + batchSize - 1) / batchSize
    let totalSteps = stepsPerEpoch * configuration.epochs
    var history = TrainingHistory()
    guard configuration.epochs > 0 else { return history }
    budget.report("epoch", 0, of: configuration.epochs)
    for epoch in 1...configuration.epochs {
        let batches = try MiniBatches(count: sampleCount, batchSize: batchSize, shuffle: configuration.shuffle, generator: &generator)
        var lossSum = 0.0
        var correct: Int?
        for (index, batch) in batches.batches.enumerated() {
            try budget.checkTime()
            if let schedule = configuration.schedule {
                optimizer.learningRate = schedule(history.steps, totalSteps)
            }
            let full = batch.count == sampleCount && !configuration.shuffle
            let batchInputs = full ? inputs : try inputs.gathering(batch)
            let batchTargets = full ? targets : try targets.gathering(batch)
            let result = try trainingStep(&model, inputs: batchInputs, targets: batchTargets, loss: function,
                                          optimizer: &optimizer, l2Penalty: configuration.l2Penalty)
            guard result.loss.isFinite else {
                throw TrainingError.nonFiniteLoss(epoch: epoch, step: index + 1, value: result.loss)
            }
            history.steps += 1
            lossSum += result.loss * Double(batch.count)
            if let c = result.correct { correct = (correct ?? 0) + c }
        }
        history.loss.append(lossSum / Double(Swift.max(sampleCount, 1)))
        if let correct {
            history.accuracy = (history.accuracy ?? []) + [Double(correct) / Double(sampleCount)]
        }
        budget.report("epoch", epoch, of: configuration.epochs, loss: history.loss.last)
    }
    return history
}

/// The fraction of samples a model classifies correctly (nil for regression targets).
public func accuracy<M: Model>(_ model: M, inputs: Tensor<M.Scalar>, targets: TrainingTargets<M.Scalar>) throws -> Double? {
    guard let correct = try targets.correctCount(model(inputs)) else { return nil }
    return Double(correct) / Double(Swift.max(targets.count, 1))
}
