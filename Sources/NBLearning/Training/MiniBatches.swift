/// The mini-batches of one epoch: `0..<count` shuffled by a seeded generator (or in order) and cut
/// into batches of `batchSize` (the last one may be shorter).
public struct MiniBatches: Sequence, Sendable {
    public let batches: [[Int]]

    public init(count: Int, batchSize: Int, shuffle: Bool, generator: inout SeededGenerator) throws {
        guard batchSize > 0 else { throw TensorError.invalidArgument("batch size must be positive, got \(batchSize)") }
        let order = shuffle ? generator.permutation(count) : Array(0..<count)
        batches = stride(from: 0, to: count, by: batchSize).map { Array(order[$0..<Swift.min($0 + batchSize, count)]) }
    }

    public func makeIterator() -> IndexingIterator<[[Int]]> { batches.makeIterator() }
}

/// Runs `epochs` passes over `count` samples in seeded, shuffled mini-batches and returns the mean
/// loss of each epoch. `step` trains on one batch (drawing any randomness from `generator`) and
/// returns its mean loss; batches smaller than `minimumBatch` are skipped. A loss that is nan or
/// infinite stops with `TrainingError.nonFiniteLoss` naming the epoch and step; `budget` is checked
/// before every step.
func shuffledEpochs(
    count: Int, epochs: Int, batchSize: Int, seed: UInt64, minimumBatch: Int = 1, budget: Budget,
    _ step: (_ batch: [Int], _ generator: inout SeededGenerator) throws -> Double
) throws -> [Double] {
    try Budget.checkIterations(epochs, argument: "epochs")
    var generator = SeededGenerator(seed: seed)
    var losses: [Double] = []
    budget.report("epoch", 0, of: epochs)
    for epoch in stride(from: 1, through: epochs, by: 1) {
        var total = 0.0
        let batches = try MiniBatches(count: count, batchSize: batchSize, shuffle: true, generator: &generator)
        for (index, batch) in batches.batches.enumerated() where batch.count >= minimumBatch {
            try budget.checkTime()
            let loss = try step(batch, &generator)
            guard loss.isFinite else { throw TrainingError.nonFiniteLoss(epoch: epoch, step: index + 1, value: loss) }
            total += loss * Double(batch.count)
        }
        losses.append(total / Double(Swift.max(count, 1)))
        budget.report("epoch", epoch, of: epochs, loss: losses.last)
    }
    return losses
}
