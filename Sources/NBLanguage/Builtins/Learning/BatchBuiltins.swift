import NBLearning

/// `batches`: the seeded mini-batch order `train` uses, so a training loop written in cells can
/// visit the samples exactly as `train` does.
public enum BatchBuiltins {
    /// The most index entries `batches` returns (epochs × samples).
    static let maximumEntries = 50_000_000

    public static let all: [Builtin] = [
        Builtin("batches", usage: "batches(n, size, epochs: 1, seed: 0)  # per epoch, the index vectors of its mini-batches, in train's order") { call throws(LanguageError) in
            try call.expect(2, labels: ["epochs", "seed"])
            let count = try call.integer(0, "n")
            let size = try call.integer(1, "size")
            let epochs = try call.optionalInteger(label: "epochs") ?? 1
            guard count >= 0 else { throw call.error("n must not be negative", at: call.location(of: 0)) }
            guard size >= 1 else { throw call.error("size must be a positive whole number", at: call.location(of: 1)) }
            guard epochs >= 0 else { throw call.error("epochs: must not be negative", at: call.namedLocations["epochs"]) }
            let (entries, overflow) = epochs.multipliedReportingOverflow(by: count)
            guard !overflow, entries <= maximumEntries else {
                throw call.limitError("\(epochs) epochs of \(count) samples is above the limit of \(maximumEntries) indices")
            }
            var generator = SeededGenerator(seed: try call.seed())
            let batchSize = min(size, max(count, 1))
            var result: [Value] = []
            for _ in 0..<epochs {
                try call.checkTimeout()
                let epoch = try call.learning {
                    try MiniBatches(count: count, batchSize: batchSize, shuffle: batchSize < count, generator: &generator)
                }
                result.append(.list(epoch.batches.map { .tensor(Tensor<Double>($0.map(Double.init))) }))
            }
            return .list(result)
        },
    ]
}
