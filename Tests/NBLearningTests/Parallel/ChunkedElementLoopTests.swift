import Testing
@testable import NBLearning

/// Element loops long enough to be split over the worker team give exactly the element-by-element
/// result, including a scalar broadcast against a long vector.
@Suite struct ChunkedElementLoopTests {
    @Test func longUnaryAndBinaryLoopsMatchTheElementwiseDefinition() throws {
        let n = 5 * ComputeThreads.elementChunk + 7
        let x = try Tensor<Double>.randomUniform([n], seed: 11).map(.shift(-0.5))
        let y = try Tensor<Double>.randomUniform([n], seed: 12)
        #expect(x.map(.relu).scalars == x.scalars.map { $0 < 0 ? 0 : $0 })
        #expect(x.map(.exp).scalars == x.scalars.map { Double.exponential($0) })
        #expect(try (x + y).scalars == zip(x.scalars, y.scalars).map { $0 + $1 })
        #expect(try x.combined(with: y, .gateByPositive).scalars == zip(x.scalars, y.scalars).map { $1 > 0 ? $0 : 0 })
        let three = Tensor<Double>(3)
        #expect(try (three * y).scalars == y.scalars.map { 3 * $0 })
        #expect(try (y - three).scalars == y.scalars.map { $0 - 3 })
    }
}
