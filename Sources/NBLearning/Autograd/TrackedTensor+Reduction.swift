extension TrackedTensor {
    /// The sum of every element (rank 0).
    public func sum() throws -> TrackedTensor {
        let shape = value.shape
        return try unary(value.sum()) { g in try Tensor.zeros(shape) + g }
    }

    /// The sum over one axis.
    public func sum(axis: Int, keepingAxis: Bool = false) throws -> TrackedTensor {
        let shape = value.shape
        let axis = try Shape.normalize(axis: axis, rank: shape.count)
        var kept = shape
        kept[axis] = 1
        return try unary(value.sum(axis: axis, keepingAxis: keepingAxis)) { g in
            try Tensor.zeros(shape) + g.reshaped(kept)
        }
    }

    /// The mean of every element.
    public func mean() throws -> TrackedTensor {
        try sum() / Scalar(value.count)
    }

    /// The mean over one axis.
    public func mean(axis: Int, keepingAxis: Bool = false) throws -> TrackedTensor {
        let n = value.shape[try Shape.normalize(axis: axis, rank: value.rank)]
        return try sum(axis: axis, keepingAxis: keepingAxis) / Scalar(n)
    }

    /// The largest element along one axis; the gradient is shared equally between tied maxima.
    public func max(axis: Int, keepingAxis: Bool = false) throws -> TrackedTensor {
        let x = value
        let axis = try Shape.normalize(axis: axis, rank: x.rank)
        let m = try x.max(axis: axis, keepingAxis: true)
        var reduced = x.shape
        reduced.remove(at: axis)
        let y = keepingAxis ? m : try m.reshaped(reduced)
        return try unary(y) { g in
            let mask = try x.combined(with: m, .equal)
            let ties = try mask.sum(axis: axis, keepingAxis: true)
            return try mask * (g.reshaped(m.shape) / ties)
        }
    }

    /// The largest element; the gradient is shared equally between tied maxima.
    public func max() throws -> TrackedTensor {
        try reshaped([-1]).max(axis: 0)
    }
}
