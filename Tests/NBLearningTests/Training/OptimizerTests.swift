import Testing
@testable import NBLearning

@Suite struct OptimizerTests {
    @Test func sgdWithMomentumAndWeightDecayFollowsTheRecurrence() throws {
        var parameters = [Tensor<Double>([1, -2])]
        var optimizer = SGD<Double>(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        let gradient = Tensor<Double>([0.5, 0.25])
        // By hand: v1 = g + λp0, p1 = p0 − η v1; v2 = μ v1 + g + λ p1, p2 = p1 − η v2.
        var p = [1.0, -2.0], v = [0.0, 0.0]
        for _ in 0..<2 {
            try optimizer.update(&parameters, gradients: [gradient])
            for i in 0..<2 {
                v[i] = 0.9 * v[i] + gradient.scalars[i] + 0.01 * p[i]
                p[i] -= 0.1 * v[i]
            }
        }
        for i in 0..<2 { #expect(abs(parameters[0].scalars[i] - p[i]) < 1e-15) }
    }

    @Test func adamFirstStepMovesByTheLearningRate() throws {
        // After bias correction m̂ = g, v̂ = g², so the first step is η·g/(|g| + ε) ≈ η·sign(g).
        var parameters = [Tensor<Double>([1, 1, 1])]
        var optimizer = Adam<Double>(learningRate: 0.01)
        try optimizer.update(&parameters, gradients: [Tensor([3, -0.5, 1e-3])])
        let moved = parameters[0].scalars.map { $0 - 1 }
        #expect(abs(moved[0] + 0.01) < 1e-9)
        #expect(abs(moved[1] - 0.01) < 1e-9)
        #expect(abs(moved[2] + 0.01 * 1e-3 / (1e-3 + 1e-8)) < 1e-12)
    }

    @Test func adamMinimisesAQuadratic() throws {
        // f(p) = Σ (p − c)², gradient 2(p − c).
        let c = Tensor<Double>([3, -1, 0.5])
        var parameters = [try Tensor<Double>.zeros([3])]
        var optimizer = Adam<Double>(learningRate: 0.1)
        for _ in 0..<500 {
            try optimizer.update(&parameters, gradients: [(parameters[0] - c) * 2])
        }
        for (p, target) in zip(parameters[0].scalars, c.scalars) { #expect(abs(p - target) < 1e-3) }
    }

    @Test func gradientShapesMustMatch() {
        var parameters = [Tensor<Double>([1, 2])]
        var optimizer = SGD<Double>(learningRate: 0.1)
        #expect(throws: TensorError.shapeMismatch(operation: "optimizer update (parameter vs gradient)", lhs: [2], rhs: [3])) {
            try optimizer.update(&parameters, gradients: [Tensor([1, 2, 3])])
        }
    }

    @Test func initialisationSchemesHaveTheirVariance() throws {
        var generator = SeededGenerator(seed: 3)
        let he: Tensor<Double> = try Initialization.heNormal.weights(fanIn: 200, fanOut: 300, generator: &generator)
        let variance = he.squared().mean().scalar!
        #expect(abs(variance - 2.0 / 200) < 0.05 * 2.0 / 200)
        let xavier: Tensor<Double> = try Initialization.xavierUniform.weights(fanIn: 200, fanOut: 300, generator: &generator)
        let limit = (6.0 / 500).squareRoot()
        #expect(try xavier.max().scalar! <= limit && xavier.min().scalar! >= -limit)
        #expect(abs(xavier.squared().mean().scalar! - limit * limit / 3) < 0.05 * limit * limit / 3)
        // Seeded: the same network everywhere.
        #expect(try MLP<Float>(sizes: [3, 4, 2], seed: 5).parameters == MLP<Float>(sizes: [3, 4, 2], seed: 5).parameters)
        #expect(try MLP<Float>(sizes: [3, 4, 2], seed: 5).parameters != MLP<Float>(sizes: [3, 4, 2], seed: 6).parameters)
    }
}
