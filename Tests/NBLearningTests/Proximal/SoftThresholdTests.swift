import Testing
@testable import NBLearning

@Suite struct SoftThresholdTests {
    @Test func shrinksTowardsZeroAndClampsInside() {
        #expect(Proximal.softThreshold(3, threshold: 1) == 2)
        #expect(Proximal.softThreshold(-3, threshold: 1) == -2)
        #expect(Proximal.softThreshold(0.5, threshold: 1) == 0)
        #expect(Proximal.softThreshold(-1, threshold: 1) == 0)
        #expect(Proximal.softThreshold([2, -0.2, 0], threshold: 0.5) == [1.5, 0, 0])
        #expect(Proximal.softThreshold(Double.nan, threshold: 1).isNaN)
    }

    /// The prox is the minimiser of ½(u − v)² + t|u|: no point of a fine grid does better.
    @Test func isTheProximalOperatorOfTheL1Norm() {
        let t = 0.7
        for v in stride(from: -3.0, through: 3.0, by: 0.37) {
            let u = Proximal.softThreshold(v, threshold: t)
            let best = 0.5 * (u - v) * (u - v) + t * abs(u)
            for candidate in stride(from: -4.0, through: 4.0, by: 0.001) {
                #expect(best <= 0.5 * (candidate - v) * (candidate - v) + t * abs(candidate) + 1e-12)
            }
        }
    }
}

@Suite struct ProximalTensorTests {
    @Test func softThresholdOnTensorsKeepsTheShape() throws {
        let t = try Tensor<Double>(shape: [2, 2], scalars: [2, -0.2, -3, 0.5])
        let shrunk = Proximal.softThreshold(t, threshold: 0.5)
        #expect(shrunk.shape == [2, 2])
        #expect(shrunk.scalars == [1.5, 0, -2.5, 0])
    }

    @Test func lassoFromTensorsEqualsLassoFromArrays() throws {
        let data = try Diabetes.load(path: Fixtures.diabetesPath)
        let fromTensors = try LassoProblem(features: data.featureTensor, targets: data.targetTensor, alpha: 0.1)
        let fromArrays = try LassoProblem(dataset: data, alpha: 0.1)
        let options = ProximalGradientOptions(restart: true, tolerance: 1e-6)
        #expect(try fromTensors.solve(options) == fromArrays.solve(options))
        #expect(throws: LassoError.self) {
            try LassoProblem(features: data.targetTensor, targets: data.targetTensor, alpha: 0.1)
        }
    }
}
