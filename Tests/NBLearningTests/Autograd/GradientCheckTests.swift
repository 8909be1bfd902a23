import Testing
@testable import NBLearning

/// Every tensor operation and loss, differentiated in reverse mode, against central differences.
@Suite struct GradientCheckTests {
    // MARK: broadcasting arithmetic

    @Test(arguments: [
        ([2, 3], [2, 3]), ([2, 3], [3]), ([2, 1], [1, 3]), ([3], [2, 3]), ([2, 3], []), ([], [4]), ([2, 1, 3], [4, 1]),
    ])
    func arithmeticWithBroadcasting(lhs: [Int], rhs: [Int]) throws {
        let a = try normal(lhs, seed: 1)
        let b = try positive(rhs, seed: 2)
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0] + $0[1] }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0] - $0[1] }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0] * $0[1] }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0] / $0[1] }
        try expectGradientsMatchFiniteDifferences([b, a]) { try $0[0].power($0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].maximum($0[1]) }
        try expectGradientsMatchFiniteDifferences([a, b]) { try $0[0].minimum($0[1]) }
    }

    @Test func constantsOnEitherSide() throws {
        let a = try normal([2, 3], seed: 3)
        let c = try normal([3], seed: 4)
        try expectGradientsMatchFiniteDifferences([a]) { try -(2.5 * $0[0] + 1) }
        try expectGradientsMatchFiniteDifferences([a]) { try 3 - $0[0] / 4 }
        try expectGradientsMatchFiniteDifferences([a]) { try ($0[0] - 1) * 2 }
        try expectGradientsMatchFiniteDifferences([a]) { try ($0[0] * c + c) / c - c }
        try expectGradientsMatchFiniteDifferences([positive([4], seed: 5)]) { try $0[0].power(2.5) }
        try expectGradientsMatchFiniteDifferences([a]) { try $0[0].power(3) }
    }

    // MARK: elementwise functions

    @Test(arguments: [
        UnaryOperation.exp, .tanh, .sigmoid, .relu, .softplus, .sin, .cos, .abs, .square, .negate,
        .scale(-1.5), .shift(2), .atan,
    ])
    func functionsOnTheRealLine(_ operation: UnaryOperation) throws {
        try expectGradientsMatchFiniteDifferences([normal([3, 4], seed: 6)]) { try $0[0].apply(operation) }
    }

    @Test(arguments: [UnaryOperation.log, .sqrt, .reciprocal, .tan, .powerConstant(1.7)])
    func functionsOnPositiveNumbers(_ operation: UnaryOperation) throws {
        try expectGradientsMatchFiniteDifferences([positive([3, 4], seed: 7)]) { try $0[0].apply(operation) }
    }

    @Test(arguments: [UnaryOperation.asin, .acos])
    func functionsOnTheUnitInterval(_ operation: UnaryOperation) throws {
        var generator = SeededGenerator(seed: 8)
        let x = try Tensor<Double>.randomUniform([5], lower: -0.9, upper: 0.9, generator: &generator)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].apply(operation) }
    }

    // MARK: reductions

    @Test func reductionsOverEveryAxis() throws {
        let x = try normal([2, 3, 4], seed: 9)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sum() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max() }
        for axis in -1..<3 {
            for keep in [false, true] {
                try expectGradientsMatchFiniteDifferences([x]) { try $0[0].sum(axis: axis, keepingAxis: keep) }
                try expectGradientsMatchFiniteDifferences([x]) { try $0[0].mean(axis: axis, keepingAxis: keep) }
                try expectGradientsMatchFiniteDifferences([x]) { try $0[0].max(axis: axis, keepingAxis: keep) }
                try expectGradientsMatchFiniteDifferences([x]) { try $0[0].logSumExp(axis: axis, keepingAxis: keep) }
            }
            try expectGradientsMatchFiniteDifferences([x]) { try $0[0].softmax(axis: axis) }
            try expectGradientsMatchFiniteDifferences([x]) { try $0[0].logSoftmax(axis: axis) }
        }
    }

    @Test func maxSharesTheGradientBetweenTies() throws {
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor([1, 3, 3, 2]))
        let g = try tape.gradients(of: x.max())
        #expect(g[x].scalars == [0, 0.5, 0.5, 0])
    }

    // MARK: shapes

    @Test func shapingOperations() throws {
        let x = try normal([2, 3, 4], seed: 10)
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].reshaped([4, -1]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].permuted([2, 0, 1]) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].transposed() }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].slice(axis: 1, range: 1..<3) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].slice(axis: 2, range: 0..<1) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].slice(at: -1) }
        try expectGradientsMatchFiniteDifferences([x]) { try $0[0].gathering([1, 0, 1, 1]) }
        let y = try normal([2, 2, 4], seed: 11)
        try expectGradientsMatchFiniteDifferences([x, y]) { try TrackedTensor.concatenate([$0[0], $0[1]], axis: 1) }
    }

    // MARK: linear algebra

    @Test(arguments: [([3, 4], [4, 5]), ([4], [4, 5]), ([3, 4], [4]), ([4], [4]), ([1, 1], [1, 6])])
    func matmul(lhs: [Int], rhs: [Int]) throws {
        try expectGradientsMatchFiniteDifferences([normal(lhs, seed: 12), normal(rhs, seed: 13)]) {
            try $0[0].matmul($0[1])
        }
    }

    @Test func affineLayer() throws {
        try expectGradientsMatchFiniteDifferences([normal([5, 3], seed: 14), normal([3, 4], seed: 15), normal([4], seed: 16)]) {
            try $0[0].affine(weight: $0[1], bias: $0[2])
        }
        try expectGradientsMatchFiniteDifferences([normal([5, 3], seed: 14), normal([3, 4], seed: 15), normal([4], seed: 16)]) {
            try $0[0].affine(weight: $0[1], bias: $0[2], relu: true)
        }
        // The fused layer is exactly x·W + b (and relu(x·W + b)).
        let tape = TensorTape<Double>()
        let x = tape.constant(try normal([5, 3], seed: 14))
        let w = tape.constant(try normal([3, 4], seed: 15))
        let b = tape.constant(try normal([4], seed: 16))
        let fused = try x.affine(weight: w, bias: b).value
        let composed = try (x.matmul(w) + b).value
        for (p, q) in zip(fused.scalars, composed.scalars) { #expect(abs(p - q) < 1e-12) }
        let fusedRelu = try x.affine(weight: w, bias: b, relu: true).value
        #expect(fusedRelu == fused.relu())
    }

    // MARK: losses

    @Test func softmaxCrossEntropy() throws {
        let labels = [2, 0, 1, 2]
        try expectGradientsMatchFiniteDifferences([normal([4, 3], seed: 17)]) { try $0[0].softmaxCrossEntropy(labels: labels) }
        // Matches the composed definition −mean(logsoftmax[label]).
        let z = try normal([4, 3], seed: 17)
        let tape = TensorTape<Double>()
        let loss = try tape.constant(z).softmaxCrossEntropy(labels: labels).value.scalar!
        let logp = try z.logSoftmax(axis: 1)
        let expected = -labels.enumerated().map { try! logp.element(at: [$0.offset, $0.element]) }.reduce(0, +) / 4
        #expect(abs(loss - expected) < 1e-12)
    }

    @Test func meanSquaredErrorHingeAndPenalties() throws {
        let target = try normal([4, 2], seed: 18)
        try expectGradientsMatchFiniteDifferences([normal([4, 2], seed: 19)]) { try $0[0].meanSquaredError(target) }
        let signs = Tensor<Double>([1, -1, 1, -1, -1])
        try expectGradientsMatchFiniteDifferences([normal([5, 1], seed: 20)]) { try $0[0].hingeLoss(labels: signs) }
        try expectGradientsMatchFiniteDifferences([normal([3, 3], seed: 21)]) { try $0[0].sumOfSquares() }
        try expectGradientsMatchFiniteDifferences([normal([3, 4], seed: 22)]) { try $0[0].rowNormalized() }
    }

    @Test func ntXent() throws {
        try expectGradientsMatchFiniteDifferences([normal([4, 3], seed: 23), normal([4, 3], seed: 24)]) {
            try TrackedTensor.ntXentLoss($0[0], $0[1], temperature: 0.5)
        }
    }

    @Test func ntXentMatchesADirectComputation() throws {
        // Two views, N = 2: loss = mean over the 4 anchors of −log(e^{s(i,p)/τ} / Σ_{k≠i} e^{s(i,k)/τ}).
        let a = try normal([2, 3], seed: 25), b = try normal([2, 3], seed: 26)
        let tape = TensorTape<Double>()
        let loss = try TrackedTensor.ntXentLoss(tape.constant(a), tape.constant(b), temperature: 0.7).value.scalar!
        let rows = (0..<2).map { try! a.slice(at: $0).scalars } + (0..<2).map { try! b.slice(at: $0).scalars }
        func cosine(_ u: [Double], _ v: [Double]) -> Double {
            let dot = zip(u, v).map(*).reduce(0, +)
            return dot / (u.map { $0 * $0 }.reduce(0, +).squareRoot() * v.map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        var expected = 0.0
        for i in 0..<4 {
            let partner = (i + 2) % 4
            let denominator = (0..<4).filter { $0 != i }.map { Foundation_exp(cosine(rows[i], rows[$0]) / 0.7) }.reduce(0, +)
            expected -= Foundation_log(Foundation_exp(cosine(rows[i], rows[partner]) / 0.7) / denominator)
        }
        #expect(abs(loss - expected / 4) < 1e-12)
    }

    // MARK: the tape itself

    @Test func gradientsAccumulateOverEveryUse() throws {
        // f(x) = x·x + x → f'(x) = 2x + 1, with x used three times.
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor([1.5, -2]))
        let y = try x * x + x
        let g = try tape.gradients(of: y, seed: Tensor([1, 1]))
        #expect(g[x].scalars == [4, -3])
    }

    @Test func constantsGetNoGradientAndUnusedVariablesGetZeros() throws {
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor([2]))
        let unused = tape.variable(Tensor([5, 6]))
        let c = tape.constant(Tensor([3]))
        let y = try (x * c).sum()
        let g = try tape.gradients(of: y)
        #expect(g[x].scalars == [3])
        #expect(g[unused].scalars == [0, 0])
        #expect(g[c].scalars == [0])
    }

    @Test func aNonScalarOutputNeedsASeed() throws {
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor([1, 2]))
        #expect(throws: TensorError.self) { try tape.gradients(of: x.exp()) }
    }

    @Test func tapesDoNotMix() throws {
        let a = TensorTape<Double>().variable(Tensor([1]))
        let b = TensorTape<Double>().variable(Tensor([1]))
        #expect(throws: TensorError.invalidArgument("operands were recorded on different tapes")) { try a + b }
    }
}

#if canImport(Glibc)
import Glibc
private func Foundation_exp(_ x: Double) -> Double { Glibc.exp(x) }
private func Foundation_log(_ x: Double) -> Double { Glibc.log(x) }
#else
import Foundation
private func Foundation_exp(_ x: Double) -> Double { Foundation.exp(x) }
private func Foundation_log(_ x: Double) -> Double { Foundation.log(x) }
#endif
