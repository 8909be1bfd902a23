/// Shape arithmetic shared by tensors and the tape: element counts with an overflow-safe limit,
/// row-major strides, axis normalisation and NumPy broadcasting.
enum Shape {
    /// The element count of `shape`, refused (before anything is allocated) when a dimension is
    /// negative or the count exceeds `limit`.
    static func checkedCount(_ shape: [Int], limit: Int) throws -> Int {
        var count = 1
        var overflow = false
        for d in shape {
            if d < 0 { throw TensorError.negativeDimension(shape: shape) }
            if d == 0 { return 0 }
        }
        for d in shape {
            let (product, didOverflow) = count.multipliedReportingOverflow(by: d)
            if didOverflow || product > limit { overflow = true; break }
            count = product
        }
        if overflow { throw TensorError.tooManyElements(shape: shape, limit: limit) }
        return count
    }

    /// Row-major strides (in elements).
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride &*= shape[axis]
        }
        return strides
    }

    /// Maps a possibly negative axis into `0..<rank`.
    static func normalize(axis: Int, rank: Int) throws -> Int {
        let normalized = axis < 0 ? axis + rank : axis
        guard normalized >= 0 && normalized < rank else {
            throw TensorError.axisOutOfRange(axis: axis, rank: rank)
        }
        return normalized
    }

    /// The NumPy broadcast of two shapes: align on the right; each pair of dimensions must be
    /// equal or one of them 1.
    static func broadcast(_ lhs: [Int], _ rhs: [Int]) throws(TensorError) -> [Int] {
        let rank = max(lhs.count, rhs.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let a = i < rank - lhs.count ? 1 : lhs[i - (rank - lhs.count)]
            let b = i < rank - rhs.count ? 1 : rhs[i - (rank - rhs.count)]
            if a == b || b == 1 {
                result[i] = a
            } else if a == 1 {
                result[i] = b
            } else {
                throw TensorError.notBroadcastable(lhs: lhs, rhs: rhs)
            }
        }
        return result
    }

    /// The strides with which an operand of `shape` is read when broadcast to `target`.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return target.indices.map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// The layout for an elementwise operation producing `target`, with mergeable axes merged.
    static func layout(_ lhs: [Int], _ rhs: [Int], target: [Int], count: Int) -> BroadcastLayout {
        let a = broadcastStrides(lhs, to: target)
        let b = broadcastStrides(rhs, to: target)
        var shape: [Int] = []
        var sa: [Int] = []
        var sb: [Int] = []
        for axis in target.indices where target[axis] != 1 {
            if let last = shape.indices.last,
               sa[last] == a[axis] &* target[axis], sb[last] == b[axis] &* target[axis] {
                shape[last] &*= target[axis]
                sa[last] = a[axis]
                sb[last] = b[axis]
            } else {
                shape.append(target[axis])
                sa.append(a[axis])
                sb.append(b[axis])
            }
        }
        return BroadcastLayout(shape: shape, lhsStrides: sa, rhsStrides: sb, count: count)
    }
}
