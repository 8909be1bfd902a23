extension Tensor {
    /// log Σ exp over `axis`, shifted by the maximum so large inputs do not overflow.
    public func logSumExp(axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        let axis = try Shape.normalize(axis: axis, rank: rank)
        var shift = try max(axis: axis, keepingAxis: true)
        // An all −∞ (or ±∞) slice would give ∞ − ∞ = nan inside exp; shift by 0 there instead.
        if shift.scalars.contains(where: { !$0.isFinite && !$0.isNaN }) {
            shift = Tensor(validShape: shift.shape, scalars: shift.scalars.map { $0.isInfinite ? 0 : $0 })
        }
        let s = try (self - shift).exp().sum(axis: axis, keepingAxis: true).log() + shift
        if keepingAxis { return s }
        var reduced = shape
        reduced.remove(at: axis)
        return try s.reshaped(reduced)
    }

    /// softmax over `axis`: exp(x − logsumexp(x)).
    public func softmax(axis: Int = -1) throws -> Tensor {
        try logSoftmax(axis: axis).exp()
    }

    /// log softmax over `axis`, computed as x − logsumexp(x).
    public func logSoftmax(axis: Int = -1) throws -> Tensor {
        try self - logSumExp(axis: axis, keepingAxis: true)
    }
}
