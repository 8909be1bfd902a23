import Testing
@testable import NBLearning

@Suite struct TensorBasicsTests {
    @Test func shapeAndScalarsMustAgree() throws {
        #expect(throws: TensorError.scalarCountMismatch(shape: [2, 2], count: 3)) {
            try Tensor<Double>(shape: [2, 2], scalars: [1, 2, 3])
        }
        let t = try Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(t.rank == 2 && t.count == 6)
        #expect(try t.element(at: [1, 2]) == 6)
        #expect(try t.element(at: [-1, 0]) == 4)
        #expect(t.description == "[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]")
    }

    @Test func absurdSizesAreRefusedBeforeAllocating() {
        #expect(throws: TensorError.tooManyElements(shape: [1 << 20, 1 << 20], limit: Tensor<Float>.elementLimit)) {
            try Tensor<Float>.zeros([1 << 20, 1 << 20])
        }
        // Overflowing products are refused too, not wrapped.
        #expect(throws: TensorError.self) { try Tensor<Double>.zeros([Int.max, Int.max, 2]) }
        #expect(throws: TensorError.negativeDimension(shape: [2, -1])) { try Tensor<Double>.zeros([2, -1]) }
    }

    @Test func broadcastingFollowsNumPy() throws {
        let a = try Tensor<Double>(shape: [2, 1, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = try Tensor<Double>(shape: [4, 1], scalars: [10, 20, 30, 40])
        let c = try a + b
        #expect(c.shape == [2, 4, 3])
        // c[i, j, k] = a[i, 0, k] + b[j, 0]
        for i in 0..<2 { for j in 0..<4 { for k in 0..<3 {
            #expect(try c.element(at: [i, j, k]) == a.element(at: [i, 0, k]) + b.element(at: [j, 0]))
        } } }
        let row = Tensor<Double>([1, 2, 3])
        let m = try Tensor<Double>(shape: [2, 3], scalars: [1, 1, 1, 2, 2, 2])
        #expect(try (m * row).scalars == [1, 2, 3, 2, 4, 6])
        #expect(try (row - m).scalars == [0, 1, 2, -1, 0, 1])
        #expect(try (Tensor<Double>(2) * m).scalars == [2, 2, 2, 4, 4, 4])
    }

    @Test func shapeMismatchNamesBothShapes() throws {
        let a = try Tensor<Double>.zeros([2, 3])
        let b = try Tensor<Double>.zeros([4])
        do {
            _ = try a + b
            Issue.record("expected a shape mismatch")
        } catch let error as TensorError {
            #expect(error == .notBroadcastable(lhs: [2, 3], rhs: [4]))
            #expect(error.description == "shapes (2, 3) and (4,) cannot be broadcast together")
        }
        do {
            _ = try Tensor.matmul(a, a)
            Issue.record("expected a shape mismatch")
        } catch {
            #expect("\(error)" == "@ needs matching inner dimensions, got shapes (2, 3) and (2, 3)")
        }
    }

    @Test func reductionsOverEachAxis() throws {
        let t = try Tensor<Double>(shape: [2, 3, 2], scalars: (0..<12).map(Double.init))
        #expect(t.sum().scalar == 66)
        #expect(try t.sum(axis: 0).scalars == [6, 8, 10, 12, 14, 16])
        #expect(try t.sum(axis: 1).scalars == [6, 9, 24, 27])
        #expect(try t.sum(axis: 2).scalars == [1, 5, 9, 13, 17, 21])
        #expect(try t.sum(axis: -1, keepingAxis: true).shape == [2, 3, 1])
        #expect(try t.max(axis: 1).scalars == [4, 5, 10, 11])
        #expect(try t.min(axis: 0).scalars == [0, 1, 2, 3, 4, 5])
        #expect(try t.mean(axis: 2).scalars == [0.5, 2.5, 4.5, 6.5, 8.5, 10.5])
        #expect(try t.argmax(axis: 1) == [2, 2, 2, 2])
        #expect(throws: TensorError.axisOutOfRange(axis: 3, rank: 3)) { try t.sum(axis: 3) }
        let withNaN = Tensor<Double>([1, .nan, 3])
        #expect(try withNaN.max().scalar?.isNaN == true)
    }

    @Test func matmulMatchesTheDefinitionAndTransposesWithoutCopying() throws {
        var g = SeededGenerator(seed: 7)
        let a = try Tensor<Double>.randomNormal([3, 4], generator: &g)
        let b = try Tensor<Double>.randomNormal([4, 5], generator: &g)
        let c = try Tensor.matmul(a, b)
        #expect(c.shape == [3, 5])
        for i in 0..<3 { for j in 0..<5 {
            var s = 0.0
            for k in 0..<4 { s += try a.element(at: [i, k]) * b.element(at: [k, j]) }
            #expect(Swift.abs(try c.element(at: [i, j]) - s) < 1e-12)
        } }
        let viaFlags = try Tensor.matmul(a.transposed(), b.transposed(), transposeLHS: true, transposeRHS: true)
        #expect(viaFlags == c)
        let v = Tensor<Double>([1, 2, 3, 4])
        #expect(try Tensor.matmul(a, v).shape == [3])
        #expect(try Tensor.matmul(v, b).shape == [5])
        let cf = try Tensor.matmul(a.converted(to: Float.self), b.converted(to: Float.self))
        for (x, y) in zip(cf.scalars, c.scalars) { #expect(Swift.abs(Double(x) - y) < 1e-5) }
    }

    @Test func shapingOperations() throws {
        let t = try Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(try t.transposed().scalars == [1, 4, 2, 5, 3, 6])
        #expect(try t.reshaped([3, -1]).shape == [3, 2])
        #expect(throws: TensorError.invalidReshape(from: [2, 3], to: [4, 2])) { try t.reshaped([4, 2]) }
        #expect(try t.slice(at: 1).scalars == [4, 5, 6])
        #expect(try t.slice(at: -2).scalars == [1, 2, 3])
        #expect(throws: TensorError.indexOutOfRange(index: 2, axis: 0, size: 2)) { try t.slice(at: 2) }
        #expect(try t.slice(axis: 1, range: 1..<3).scalars == [2, 3, 5, 6])
        #expect(try t.gathering([1, 0, 1]).scalars == [4, 5, 6, 1, 2, 3, 4, 5, 6])
        #expect(try Tensor.concatenate([t, t], axis: 1).scalars == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
        let p = try Tensor<Double>(shape: [2, 3, 4], scalars: (0..<24).map(Double.init)).permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        #expect(try p.element(at: [3, 1, 2]) == 1 * 12 + 2 * 4 + 3)
    }

    @Test func stableKernelsDoNotOverflow() throws {
        let big = Tensor<Double>([1000, 1000])
        #expect(Swift.abs(try big.logSumExp(axis: 0).scalar! - (1000 + _log2)) < 1e-12)
        let z = try Tensor<Double>(shape: [1, 3], scalars: [-1000, 0, 1000]).softmax()
        #expect(z.scalars == [0, 0, 1])
        let s = Tensor<Double>([-800, 0, 800]).sigmoid()
        #expect(s.scalars == [0, 0.5, 1])
        let sp = Tensor<Float>([-200, 0, 200]).softplus()
        #expect(sp.scalars[0] >= 0 && sp.scalars[0] < 1e-30)
        #expect(sp.scalars[2] == 200)
        #expect(Swift.abs(sp.scalars[1] - 0.6931472) < 1e-6)
    }

    @Test func sumToShapeUndoesBroadcasting() throws {
        let g = try Tensor<Double>.ones([2, 3, 4])
        #expect(try g.sum(toShape: [4]).scalars == [6, 6, 6, 6])
        #expect(try g.sum(toShape: [3, 1]).scalars == [8, 8, 8])
        #expect(try g.sum(toShape: []).scalars == [24])
        #expect(throws: TensorError.self) { try g.sum(toShape: [5]) }
    }

    @Test func seededRandomTensorsAreReproducible() throws {
        let a = try Tensor<Double>.randomNormal([100], seed: 42)
        let b = try Tensor<Double>.randomNormal([100], seed: 42)
        #expect(a == b)
        let mean = a.mean().scalar!
        #expect(Swift.abs(mean) < 0.3)
    }
}

private let _log2 = 0.6931471805599453
