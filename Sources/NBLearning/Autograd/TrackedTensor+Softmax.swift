extension TrackedTensor {
    /// log Σ exp over `axis` (stable); its gradient is the softmax.
    public func logSumExp(axis: Int, keepingAxis: Bool = false) throws -> TrackedTensor {
        let x = value
        let axis = try Shape.normalize(axis: axis, rank: x.rank)
        let kept = try x.logSumExp(axis: axis, keepingAxis: true)
        var reduced = x.shape
        reduced.remove(at: axis)
        let y = keepingAxis ? kept : try kept.reshaped(reduced)
        return try unary(y) { g in
            let softmax = try (x - kept).exp()
            return try softmax * g.reshaped(kept.shape)
        }
    }

    /// log softmax over `axis`.
    public func logSoftmax(axis: Int = -1) throws -> TrackedTensor {
        let x = value
        let axis = try Shape.normalize(axis: axis, rank: x.rank)
        let y = try x.logSoftmax(axis: axis)
        return try unary(y) { g in
            // dx = g − softmax · Σ g
            let softmax = y.exp()
            return try g - softmax * g.sum(axis: axis, keepingAxis: true)
        }
    }

    /// softmax over `axis`.
    public func softmax(axis: Int = -1) throws -> TrackedTensor {
        let x = value
        let axis = try Shape.normalize(axis: axis, rank: x.rank)
        let y = try x.softmax(axis: axis)
        return try unary(y) { g in
            // dx = y · (g − Σ g·y)
            try y * (g - (g * y).sum(axis: axis, keepingAxis: true))
        }
    }
}
