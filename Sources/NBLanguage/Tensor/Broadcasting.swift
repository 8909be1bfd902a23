import NBLearning
/// NumPy broadcasting over element arrays of any type: the one implementation behind the
/// elementwise operations of plain tensors and of traced (differentiated) tensors.
enum Broadcasting {
    /// `operation` applied elementwise to two row-major arrays of the given shapes, broadcast
    /// against each other; the result's shape and elements.
    static func zip<A, B, R>(_ shapeA: [Int], _ a: [A], _ shapeB: [Int], _ b: [B], limit: Budget,
                             _ operation: (A, B) -> R) throws(TensorError) -> (shape: [Int], elements: [R]) {
        if shapeA == shapeB {
            var out: [R] = []
            out.reserveCapacity(a.count)
            for i in a.indices { out.append(operation(a[i], b[i])) }
            return (shapeA, out)
        }
        let shape = try TensorValue.broadcastShape(shapeA, shapeB)
        try limit.check(shape)
        let aStrides = strides(shapeA, broadcastTo: shape)
        let bStrides = strides(shapeB, broadcastTo: shape)
        let total = shape.reduce(1, *)
        var out: [R] = []
        out.reserveCapacity(total)
        var index = Array(repeating: 0, count: shape.count)
        var aOffset = 0, bOffset = 0
        for _ in 0..<total {
            out.append(operation(a[aOffset], b[bOffset]))
            // Odometer increment.
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

    /// Strides that walk `shape` as if it had been broadcast to `target` (0 on stretched axes).
    private static func strides(_ shape: [Int], broadcastTo target: [Int]) -> [Int] {
        let own = TensorValue.strides(of: shape)
        let offset = target.count - shape.count
        return target.indices.map { i in
            i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
        }
    }
}
