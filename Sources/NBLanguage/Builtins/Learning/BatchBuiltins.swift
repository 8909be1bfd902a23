import NBLearning

/// `batches`: the seeded mini-batch order `train` uses, so a training loop written in cells can
/// visit the samples exactly as `train` does.
public enum BatchBuiltins {
    /// The most index entries `batches` returns (epochs × samples).
    static let maximumEntries = 50_000_000

    public static let all: [Builtin] = [
        Builtin("batches", .networks,
            summary: "The mini-batches `train` visits for `n` samples, per epoch, in `train`'s order.",
            parameters: [
                .positional("n", .wholeNumber),
                .positional("size", .wholeNumber),
                .labelled("epochs", .wholeNumber, default: 1),
                .documentSeed,
            ],
            discussion: #"""
            A list with one entry per epoch, each a list of index vectors (shuffled with `seed:` when `size` is below `n`).

            With `X[rows]` a training loop written in cells sees exactly the batches `train` sees.
            """#,
            examples: [
                BuiltinExample("batches", #"""
                order = batches(5, 2, epochs: 2, seed: 7)
                order
                Xb = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]
                Xb[order[0][0]]
                """#, output: #"""
                [[[0, 4], [2, 1], [3]], [[1, 2], [0, 3], [4]]]
                [[0, 0], [4, 4]]
                """#),
            ]) { call throws(LanguageError) in
            let count = try call.integer(0, "n")
            let size = try call.integer(1, "size")
            let epochs = try call.integer(label: "epochs")
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
