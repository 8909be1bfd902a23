extension Tensor {
    /// Standard normal samples (scaled by `standardDeviation`) from a seeded generator: the same
    /// seed gives the same tensor on every machine.
    public static func randomNormal(
        _ shape: [Int], standardDeviation: Double = 1, mean: Double = 0, generator: inout SeededGenerator
    ) throws -> Tensor {
        try Tensor(shape: shape) { out, count in
            for i in 0..<count { out[i] = Scalar(mean + standardDeviation * generator.nextNormal()) }
        }
    }

    /// Uniform samples in `[lower, upper)` from a seeded generator.
    public static func randomUniform(
        _ shape: [Int], lower: Double = 0, upper: Double = 1, generator: inout SeededGenerator
    ) throws -> Tensor {
        try Tensor(shape: shape) { out, count in
            for i in 0..<count { out[i] = Scalar(lower + (upper - lower) * generator.nextUniform()) }
        }
    }

    /// `randomNormal` with its own generator seeded by `seed`.
    public static func randomNormal(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return try randomNormal(shape, generator: &generator)
    }

    /// `randomUniform` with its own generator seeded by `seed`.
    public static func randomUniform(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return try randomUniform(shape, generator: &generator)
    }
}
