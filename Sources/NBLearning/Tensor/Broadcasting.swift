/// NumPy broadcasting over row-major element arrays of any type: the elementwise loop of tensors
/// whose elements are not machine numbers (dual numbers, tape variables, symbolic expressions).
/// `Tensor`'s own elementwise operations use the vectorised kernels over the same shape rules
/// (`Shape.broadcast`, `Shape.broadcastStrides`).
public enum Broadcasting {
    /// The NumPy broadcast of two shapes.
    public static func shape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        try Shape.broadcast(a, b)
    }

    /// `operation` applied elementwise to two row-major arrays of the given shapes, broadcast
    /// against each other; the result is refused before it is built when `budget` does not allow
    /// its size.
    public static func zip<A, B, R>(
        _ shapeA: [Int], _ a: [A], _ shapeB: [Int], _ b: [B], budget: Budget, _ operation: (A, B) -> R
    ) throws(TensorError) -> (shape: [Int], elements: [R]) {
        if shapeA == shapeB {
            var out: [R] = []
            out.reserveCapacity(a.count)
            for i in a.indices { out.append(operation(a[i], b[i])) }
            return (shapeA, out)
        }
        let shape = try Shape.broadcast(shapeA, shapeB)
        try budget.check(shape)
        let aStrides = Shape.broadcastStrides(shapeA, to: shape)
        let bStrides = Shape.broadcastStrides(shapeB, to: shape)
        let total = shape.reduce(1, *)
        var out: [R] = []
        out.reserveCapacity(total)
        var index = Array(repeating: 0, count: shape.count)
        var aOffset = 0, bOffset = 0
        for _ in 0..<total {
            out.append(operation(a[aOffset], b[bOffset]))
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                aOffset += aStrides[axis]
                bOffset += bStrides[axis]
                if index[axis] < shape[axis] { break }
                aOffset -= aStrides[axis] * shape[axis]
                bOffset -= bStrides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return (shape, out)
    }

    /// Where the part `t[indices]` (leading axes fixed, counted from 0) of a row-major tensor of
    /// `shape` starts, its shape and its size.
    public static func part(at indices: [Int], of shape: [Int]) throws(TensorError) -> (offset: Int, shape: [Int], size: Int) {
        guard indices.count <= shape.count else {
            throw TensorError.rankMismatch(operation: "indexing with \(indices.count) indices",
                                           expected: "rank ≥ \(indices.count)", shape: shape)
        }
        let strides = Shape.strides(shape)
        var offset = 0
        for (axis, index) in indices.enumerated() {
            guard index >= 0, index < shape[axis] else {
                throw TensorError.indexOutOfRange(index: index, axis: axis, size: shape[axis])
            }
            offset += index * strides[axis]
        }
        let rest = Array(shape[indices.count...])
        return (offset, rest, rest.reduce(1, *))
    }

    /// Row-major strides of `shape`.
    public static func strides(of shape: [Int]) -> [Int] { Shape.strides(shape) }
}
