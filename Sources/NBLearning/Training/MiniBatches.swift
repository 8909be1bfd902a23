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
