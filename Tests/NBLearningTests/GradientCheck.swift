import Testing
@testable import NBLearning

/// Compares reverse-mode gradients with central finite differences in Double.
///
/// The function's output is contracted with a fixed random weight tensor (a vector–Jacobian
/// product), so every output element's gradient is checked, not only their sum.
func expectGradientsMatchFiniteDifferences(
    _ inputs: [Tensor<Double>], relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-6,
    step: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation,
    _ function: ([TrackedTensor<Double>]) throws -> TrackedTensor<Double>
) throws {
    let tape = TensorTape<Double>()
    let variables = inputs.map { tape.variable($0) }
    let output = try function(variables)
    var generator = SeededGenerator(seed: 99)
    let weights = try Tensor<Double>.randomNormal(output.shape, generator: &generator)
    let gradients = try tape.gradients(of: output, seed: weights)

    func contracted(_ point: [Tensor<Double>]) throws -> Double {
        let tape = TensorTape<Double>()
        let out = try function(point.map { tape.variable($0) }).value
        return zip(out.scalars, weights.scalars).reduce(0) { $0 + $1.0 * $1.1 }
    }

    for (index, input) in inputs.enumerated() {
        let analytic = gradients[variables[index]]
        #expect(analytic.shape == input.shape, "gradient shape of input \(index)", sourceLocation: sourceLocation)
        for element in 0..<input.count {
            var plus = inputs, minus = inputs
            var up = input.scalars, down = input.scalars
            up[element] += step
            down[element] -= step
            plus[index] = try Tensor(shape: input.shape, scalars: up)
            minus[index] = try Tensor(shape: input.shape, scalars: down)
            let numeric = (try contracted(plus) - contracted(minus)) / (2 * step)
            let exact = analytic.scalars[element]
            let error = abs(numeric - exact)
            #expect(error <= absoluteTolerance + relativeTolerance * max(abs(numeric), abs(exact)),
                    "input \(index) element \(element): reverse \(exact), finite differences \(numeric)",
                    sourceLocation: sourceLocation)
        }
    }
}

/// A seeded normal tensor for tests.
func normal(_ shape: [Int], seed: UInt64) throws -> Tensor<Double> {
    try Tensor<Double>.randomNormal(shape, seed: seed)
}

/// A seeded tensor with entries in [0.5, 2) (for log, sqrt, division, powers).
func positive(_ shape: [Int], seed: UInt64) throws -> Tensor<Double> {
    var generator = SeededGenerator(seed: seed)
    return try Tensor<Double>.randomUniform(shape, lower: 0.5, upper: 2, generator: &generator)
}
