import Testing
import NBLearning

/// The operations the cell language runs on NBLearning's tensors: parts, stores, argmax as a
/// tensor, and the elementwise kernels agreeing with the scalar engine.
struct TensorPartsTests {
    @Test func partsFixTheLeadingAxes() throws {
        let t = try Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(try t.part(at: [1]) == Tensor([4, 5, 6]))
        #expect(try t.part(at: [1, 2]) == Tensor(6))
        #expect(throws: TensorError.indexOutOfRange(index: 2, axis: 0, size: 2)) { try t.part(at: [2]) }
        #expect(throws: TensorError.indexOutOfRange(index: -1, axis: 1, size: 3)) { try t.part(at: [0, -1]) }
    }

    @Test func storesBroadcastIntoThePart() throws {
        var t = try Tensor<Double>.zeros([2, 3])
        try t.replacePart(at: [0, 1], with: Tensor(5))
        try t.replacePart(at: [1], with: Tensor(7))
        #expect(t.scalars == [0, 5, 0, 7, 7, 7])
        #expect(throws: TensorError.self) { try t.replacePart(at: [0], with: Tensor([1, 2])) }
    }

    @Test func argmaxAsATensor() throws {
        let t = try Tensor<Double>(shape: [2, 2], scalars: [1, 5, 7, 2])
        #expect(try t.indicesOfMaximum(axis: 1) == Tensor([1, 0]))
        #expect(try t.indicesOfMaximum(axis: nil) == Tensor(2))
        #expect(try t.indicesOfMaximum(axis: -2) == Tensor([1, 0]))
    }

    @Test func powerOfNegativeBasesIsLibmPow() throws {
        let x = Tensor<Double>([-2, -0.5, 3])
        #expect(try x.combined(with: Tensor(2), .power).scalars == [4, 0.25, 9])
        #expect(try x.combined(with: Tensor(3), .power).scalars == [-8, -0.125, 27])
    }

    @Test func broadcastMismatchNamesBothShapes() {
        #expect(throws: TensorError.notBroadcastable(lhs: [3], rhs: [2])) { try Broadcasting.shape([3], [2]) }
        #expect(TensorError.notBroadcastable(lhs: [3], rhs: [2]).description == "shapes (3,) and (2,) cannot be broadcast together")
    }
}
