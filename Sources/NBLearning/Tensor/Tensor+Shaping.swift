extension Tensor {
    /// The same elements under a new shape; one dimension may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var resolved = newShape
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        if unknown.count > 1 { throw TensorError.invalidReshape(from: shape, to: newShape) }
        if let axis = unknown.first {
            var known = newShape
            known.remove(at: axis)
            let rest = try Shape.checkedCount(known, limit: Self.elementLimit)
            guard rest > 0, count % rest == 0 else { throw TensorError.invalidReshape(from: shape, to: newShape) }
            resolved[axis] = count / rest
        }
        guard let n = try? Shape.checkedCount(resolved, limit: Self.elementLimit), n == count else {
            throw TensorError.invalidReshape(from: shape, to: newShape)
        }
        return Tensor(validShape: resolved, scalars: scalars)
    }

    /// Reorders the axes: result axis i is input axis `axes[i]`.
    public func permuted(_ axes: [Int]) throws -> Tensor {
        guard axes.count == rank, Set(axes) == Set(0..<rank) else {
            throw TensorError.invalidArgument("\(TensorError.format(axes)) is not a permutation of the axes of shape \(TensorError.format(shape))")
        }
        if axes == Array(0..<rank) { return self }
        let newShape = axes.map { shape[$0] }
        let inputStrides = Shape.strides(shape)
        let readStrides = axes.map { inputStrides[$0] }
        return Tensor(validShape: newShape, count: count) { out in
            scalars.withUnsafeBufferPointer { x in
                guard let x = x.baseAddress else { return }
                var index = [Int](repeating: 0, count: rank)
                var offset = 0
                for i in 0..<count {
                    out[i] = x[offset]
                    var d = rank - 1
                    while d >= 0 {
                        index[d] &+= 1
                        offset &+= readStrides[d]
                        if index[d] < newShape[d] { break }
                        offset &-= readStrides[d] &* newShape[d]
                        index[d] = 0
                        d -= 1
                    }
                }
            }
        }
    }

    /// The matrix transpose of a rank-2 tensor (a rank-1 tensor is returned as is); for higher
    /// ranks, the last two axes are swapped.
    public func transposed() throws -> Tensor {
        if rank < 2 { return self }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return try permuted(axes)
    }

    /// The sub-tensor at `index` along axis 0 (`t[i]`); negative indices count from the end.
    public func slice(at index: Int) throws -> Tensor {
        guard rank > 0 else { throw TensorError.rankMismatch(operation: "indexing", expected: "rank ≥ 1", shape: shape) }
        let i = index < 0 ? index + shape[0] : index
        guard i >= 0 && i < shape[0] else { throw TensorError.indexOutOfRange(index: index, axis: 0, size: shape[0]) }
        let inner = count / Swift.max(shape[0], 1)
        return Tensor(validShape: Array(shape.dropFirst()), scalars: Array(scalars[(i * inner)..<((i + 1) * inner)]))
    }

    /// The elements with indices `range` along `axis` (a half-open range, clamped like Python's
    /// slices are not: it must lie inside the axis).
    public func slice(axis: Int, range: Range<Int>) throws -> Tensor {
        let axis = try Shape.normalize(axis: axis, rank: rank)
        guard range.lowerBound >= 0, range.upperBound <= shape[axis] else {
            throw TensorError.indexOutOfRange(index: range.lowerBound < 0 ? range.lowerBound : range.upperBound,
                                              axis: axis, size: shape[axis])
        }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = range.count
        let block = range.count * inner
        return Tensor(validShape: newShape, count: outer * block) { out in
            scalars.withUnsafeBufferPointer { x in
                guard let x = x.baseAddress else { return }
                for o in 0..<outer {
                    (out + o * block).update(from: x + (o * shape[axis] + range.lowerBound) * inner, count: block)
                }
            }
        }
    }

    /// The rows (sub-tensors along axis 0) at `indices`, in that order — mini-batches.
    public func gathering(_ indices: [Int]) throws -> Tensor {
        guard rank > 0 else { throw TensorError.rankMismatch(operation: "gathering rows", expected: "rank ≥ 1", shape: shape) }
        for index in indices where index < 0 || index >= shape[0] {
            throw TensorError.indexOutOfRange(index: index, axis: 0, size: shape[0])
        }
        var newShape = shape
        newShape[0] = indices.count
        let inner = shape.dropFirst().reduce(1, *)
        let total = try Shape.checkedCount(newShape, limit: Self.elementLimit)
        return Tensor(validShape: newShape, count: total) { out in
            scalars.withUnsafeBufferPointer { x in
                guard let x = x.baseAddress else { return }
                for (row, index) in indices.enumerated() {
                    (out + row * inner).update(from: x + index * inner, count: inner)
                }
            }
        }
    }

    /// Joins tensors along `axis`; every other dimension must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.invalidArgument("nothing to concatenate") }
        let axis = try Shape.normalize(axis: axis, rank: first.rank)
        var newShape = first.shape
        newShape[axis] = 0
        for t in tensors {
            var a = t.shape, b = first.shape
            guard a.count == b.count else {
                throw TensorError.shapeMismatch(operation: "concatenate", lhs: first.shape, rhs: t.shape)
            }
            a[axis] = 0; b[axis] = 0
            guard a == b else { throw TensorError.shapeMismatch(operation: "concatenate", lhs: first.shape, rhs: t.shape) }
            newShape[axis] += t.shape[axis]
        }
        let total = try Shape.checkedCount(newShape, limit: elementLimit)
        let outer = first.shape[..<axis].reduce(1, *)
        let inner = first.shape[(axis + 1)...].reduce(1, *)
        let rowLength = newShape[axis] * inner
        return Tensor(validShape: newShape, count: total) { out in
            var start = 0
            for t in tensors {
                let block = t.shape[axis] * inner
                t.scalars.withUnsafeBufferPointer { x in
                    guard let x = x.baseAddress else { return }
                    for o in 0..<outer { (out + o * rowLength + start).update(from: x + o * block, count: block) }
                }
                start += block
            }
        }
    }
}
