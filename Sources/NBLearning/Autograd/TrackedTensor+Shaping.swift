extension TrackedTensor {
    public func reshaped(_ newShape: [Int]) throws -> TrackedTensor {
        let shape = value.shape
        return try unary(value.reshaped(newShape)) { g in try g.reshaped(shape) }
    }

    public func permuted(_ axes: [Int]) throws -> TrackedTensor {
        var inverse = [Int](repeating: 0, count: axes.count)
        let y = try value.permuted(axes)
        for (i, axis) in axes.enumerated() { inverse[axis] = i }
        return try unary(y) { g in try g.permuted(inverse) }
    }

    /// Swaps the last two axes.
    public func transposed() throws -> TrackedTensor {
        let rank = value.rank
        if rank < 2 { return self }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return try permuted(axes)
    }

    /// Rows `range` along `axis`; the gradient is scattered back into zeros.
    public func slice(axis: Int, range: Range<Int>) throws -> TrackedTensor {
        let x = value
        let axis = try Shape.normalize(axis: axis, rank: x.rank)
        let y = try x.slice(axis: axis, range: range)
        return try unary(y) { g in
            var parts: [Tensor<Scalar>] = []
            var before = x.shape, after = x.shape
            before[axis] = range.lowerBound
            after[axis] = x.shape[axis] - range.upperBound
            if range.lowerBound > 0 { parts.append(try Tensor.zeros(before)) }
            parts.append(g)
            if after[axis] > 0 { parts.append(try Tensor.zeros(after)) }
            return try Tensor.concatenate(parts, axis: axis)
        }
    }

    /// The sub-tensor at `index` along axis 0.
    public func slice(at index: Int) throws -> TrackedTensor {
        let size = value.shape.first ?? 0
        let i = index < 0 ? index + size : index
        guard i >= 0 && i < size else { throw TensorError.indexOutOfRange(index: index, axis: 0, size: size) }
        let inner = Array(value.shape.dropFirst())
        return try slice(axis: 0, range: i..<(i + 1)).reshaped(inner)
    }

    /// The rows at `indices`; gradients of repeated rows add up.
    public func gathering(_ indices: [Int]) throws -> TrackedTensor {
        let x = value
        let y = try x.gathering(indices)
        return try unary(y) { g in
            var result = try Tensor<Scalar>.zeros(x.shape)
            let inner = x.count / Swift.max(x.shape[0], 1)
            g.withUnsafeBufferPointer { gp in
                result.withUnsafeMutableBufferPointer { rp in
                    for (row, index) in indices.enumerated() {
                        for j in 0..<inner { rp[index * inner + j] += gp[row * inner + j] }
                    }
                }
            }
            return result
        }
    }

    /// Joins tracked tensors along `axis`.
    public static func concatenate(_ parts: [TrackedTensor], axis: Int = 0) throws -> TrackedTensor {
        guard let first = parts.first else { throw TensorError.invalidArgument("nothing to concatenate") }
        let values = parts.map(\.value)
        let y = try Tensor.concatenate(values, axis: axis)
        let axis = try Shape.normalize(axis: axis, rank: first.value.rank)
        return try first.tape.record(y, inputs: parts) { g, needed in
            var start = 0
            var result: [Tensor<Scalar>?] = []
            for (value, need) in zip(values, needed) {
                let length = value.shape[axis]
                result.append(need ? try g.slice(axis: axis, range: start..<(start + length)) : nil)
                start += length
            }
            return result
        }
    }
}
