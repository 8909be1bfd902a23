extension Tensor {
    /// `t[i]`, `t[i, j]`: the part with the leading axes fixed at `indices` (counted from 0); the
    /// result has the remaining axes.
    public func part(at indices: [Int]) throws(TensorError) -> Tensor {
        let (offset, rest, size) = try Broadcasting.part(at: indices, of: shape)
        if offset == 0 && size == count { return Tensor(validShape: rest, scalars: scalars) }
        return Tensor(validShape: rest, scalars: Array(scalars[offset..<offset + size]))
    }

    /// Replaces the part `self[indices]` with `value`, broadcast to the part's shape.
    public mutating func replacePart(at indices: [Int], with value: Tensor) throws(TensorError) {
        let (offset, partShape, size) = try Broadcasting.part(at: indices, of: shape)
        let target = try Shape.broadcast(partShape, value.shape)
        guard target == partShape else {
            throw TensorError.invalidArgument("cannot store shape \(TensorError.format(value.shape)) into shape \(TensorError.format(partShape))")
        }
        let strides = Shape.broadcastStrides(value.shape, to: partShape)
        withUnsafeMutableBufferPointer { out in
            value.scalars.withUnsafeBufferPointer { source in
                guard let out = out.baseAddress, let source = source.baseAddress else { return }
                if value.count == size {
                    (out + offset).update(from: source, count: size)
                    return
                }
                var index = [Int](repeating: 0, count: partShape.count)
                var read = 0
                for k in 0..<size {
                    out[offset + k] = source[read]
                    var axis = partShape.count - 1
                    while axis >= 0 {
                        index[axis] += 1
                        read += strides[axis]
                        if index[axis] < partShape[axis] { break }
                        read -= strides[axis] * partShape[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
    }
}

extension Tensor {
    /// The rows (sub-tensors along axis 0) at `rows`, in that order — `X[batch]` — refused
    /// before anything is allocated when `budget` does not allow the result.
    public func gathering(_ rows: [Int], budget: Budget) throws(TensorError) -> Tensor {
        guard rank > 0 else { throw .rankMismatch(operation: "picking rows", expected: "rank ≥ 1", shape: shape) }
        try budget.check([rows.count] + shape.dropFirst())
        return try TensorError.catching { try gathering(rows) }
    }
}
