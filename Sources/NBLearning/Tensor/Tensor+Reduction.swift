extension Tensor {
    /// Reduces one axis. `keepingAxis` leaves it in the shape with size 1.
    public func reduce(_ operation: ReductionOperation, axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        let axis = try Shape.normalize(axis: axis, rank: rank)
        let length = shape[axis]
        if length == 0 && operation != .sum {
            throw TensorError.invalidArgument("cannot take the \(operation) of an empty axis \(axis) of shape \(TensorError.format(shape))")
        }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var resultShape = shape
        if keepingAxis { resultShape[axis] = 1 } else { resultShape.remove(at: axis) }
        return Tensor(validShape: resultShape, count: outer * inner) { out in
            scalars.withUnsafeBufferPointer { x in
                guard let x = x.baseAddress else {
                    for i in 0..<(outer * inner) { out[i] = 0 }
                    return
                }
                Scalar.reductionKernel(operation, outer: outer, length: length, inner: inner, x, out)
            }
        }
    }

    /// Reduces every element to a rank-0 tensor.
    public func reduceAll(_ operation: ReductionOperation) throws -> Tensor {
        if count == 0 && operation != .sum {
            throw TensorError.invalidArgument("cannot take the \(operation) of an empty tensor")
        }
        let flat = Tensor(validShape: [count], scalars: scalars)
        return try flat.reduce(operation, axis: 0)
    }

    /// The sum of every element.
    public func sum() -> Tensor { (try? reduceAll(.sum)) ?? Tensor(0) }
    /// The sum over one axis.
    public func sum(axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        try reduce(.sum, axis: axis, keepingAxis: keepingAxis)
    }
    /// The mean of every element (nan for an empty tensor).
    public func mean() -> Tensor { sum() / Scalar(count) }
    /// The mean over one axis.
    public func mean(axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        let n = shape[try Shape.normalize(axis: axis, rank: rank)]
        return try sum(axis: axis, keepingAxis: keepingAxis) / Scalar(n)
    }
    /// The largest element.
    public func max() throws -> Tensor { try reduceAll(.max) }
    /// The largest element along one axis.
    public func max(axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        try reduce(.max, axis: axis, keepingAxis: keepingAxis)
    }
    /// The smallest element.
    public func min() throws -> Tensor { try reduceAll(.min) }
    /// The smallest element along one axis.
    public func min(axis: Int, keepingAxis: Bool = false) throws -> Tensor {
        try reduce(.min, axis: axis, keepingAxis: keepingAxis)
    }

    /// The index of the largest element along `axis` (the first one at a tie; nan counts as
    /// largest).
    public func argmax(axis: Int) throws -> [Int] {
        let axis = try Shape.normalize(axis: axis, rank: rank)
        let length = shape[axis]
        guard length > 0 else { throw TensorError.invalidArgument("argmax of an empty axis") }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var result = [Int](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { x in
            result.withUnsafeMutableBufferPointer { r in
                guard let x = x.baseAddress, let r = r.baseAddress else { return }
                Scalar.argmaxKernel(outer: outer, length: length, inner: inner, x, r)
            }
        }
        return result
    }

    /// `argmax` as a tensor: the indices (as numbers) of the largest elements along `axis`, which
    /// disappears from the shape, or the flat index of the largest element when `axis` is nil.
    public func indicesOfMaximum(axis: Int?) throws -> Tensor {
        let source = axis == nil ? Tensor(validShape: [count], scalars: scalars) : self
        let normalized = try Shape.normalize(axis: axis ?? 0, rank: source.rank)
        var resultShape = source.shape
        resultShape.remove(at: normalized)
        return Tensor(validShape: resultShape, scalars: try source.argmax(axis: normalized).map { Scalar($0) })
    }

    /// Sums a broadcast result back to `target` (the inverse of broadcasting, used by gradients).
    public func sum(toShape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        guard target.count <= rank,
              (try? Shape.broadcast(target, shape)) == shape else {
            throw TensorError.shapeMismatch(operation: "sum to shape", lhs: shape, rhs: target)
        }
        var result = self
        // Leading axes that the target does not have.
        for _ in 0..<(rank - target.count) { result = try result.sum(axis: 0) }
        for axis in target.indices where target[axis] == 1 && result.shape[axis] != 1 {
            result = try result.sum(axis: axis, keepingAxis: true)
        }
        return result
    }
}
