/// The largest eigenvalue of a symmetric positive semi-definite operator by power iteration.
enum PowerIteration {
    /// Repeats v ← Av/‖Av‖ from a seeded random start until the Rayleigh quotient vᵀAv changes by
    /// at most `relativeTolerance` (relative) or `maxIterations` pass, checking `budget` every
    /// iteration. Returns 0 for the zero operator.
    static func largestEigenvalue(dimension: Int, relativeTolerance: Double = 1e-15, maxIterations: Int = 10_000,
                                  budget: Budget = .unlimited,
                                  apply: ([Double]) -> [Double]) throws(BudgetExceeded) -> Double {
        guard dimension > 0 else { return 0 }
        var generator = SeededGenerator(seed: 0x5EED)
        var vector = (0..<dimension).map { _ in generator.nextNormal() }
        normalise(&vector)
        var estimate = 0.0
        for _ in 0..<maxIterations {
            try budget.checkTime()
            let image = apply(vector)
            let next = Vector.dot(vector, image)
            let length = Vector.dot(image, image).squareRoot()
            guard length > 0, length.isFinite else { return length.isFinite ? 0 : .nan }
            vector = image.map { $0 / length }
            if abs(next - estimate) <= relativeTolerance * abs(next) {
                return next
            }
            estimate = next
        }
        return estimate
    }

    private static func normalise(_ vector: inout [Double]) {
        let length = Vector.dot(vector, vector).squareRoot()
        if length > 0 { vector = vector.map { $0 / length } }
    }
}
