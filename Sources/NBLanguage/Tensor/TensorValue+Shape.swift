import NBLearning
extension TensorValue {
    /// Reverses the axes (the matrix transpose for 2-d tensors).
    public func transposed() -> TensorValue {
        guard rank >= 2 else { return self }
        let newShape = Array(shape.reversed())
        let oldStrides = TensorValue.strides(of: shape)
        let total = count
        var out = [Double](repeating: 0, count: total)
        var index = Array(repeating: 0, count: rank)
        for k in 0..<total {
            // index is the position in the new (reversed) shape.
            var source = 0
            for axis in 0..<rank { source += index[axis] * oldStrides[rank - 1 - axis] }
            out[k] = elements[source]
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < newShape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return TensorValue(shape: newShape, elements: out)
    }

    /// Folds along `axis` (the axis disappears), or over everything when `axis` is nil.
    public func reduce(axis: Int?, _ initial: Double, _ combine: (Double, Double) -> Double) throws(TensorError) -> TensorValue {
        guard let axis else {
            return TensorValue(shape: [], elements: [elements.reduce(initial, combine)])
        }
        let (outer, extent, inner) = try split(axis: axis)
        var out = [Double](repeating: initial, count: outer * inner)
        for o in 0..<outer {
            for a in 0..<extent {
                let base = (o * extent + a) * inner
                for i in 0..<inner { out[o * inner + i] = combine(out[o * inner + i], elements[base + i]) }
            }
        }
        var newShape = shape
        newShape.remove(at: axis)
        return TensorValue(shape: newShape, elements: out)
    }

    /// Index of the largest element along `axis` (first one at ties), or of the flattened tensor.
    public func argmax(axis: Int?) throws(TensorError) -> TensorValue {
        guard let axis else {
            guard !elements.isEmpty else { throw TensorError("argmax of an empty tensor") }
            var best = 0
            for i in elements.indices where elements[i] > elements[best] || (elements[best].isNaN && !elements[i].isNaN) { best = i }
            return TensorValue(shape: [], elements: [Double(best)])
        }
        let (outer, extent, inner) = try split(axis: axis)
        guard extent > 0 else { throw TensorError("argmax along an empty axis") }
        var out = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0
                for a in 1..<max(extent, 1) where elements[(o * extent + a) * inner + i] > elements[(o * extent + best) * inner + i] {
                    best = a
                }
                out[o * inner + i] = Double(best)
            }
        }
        var newShape = shape
        newShape.remove(at: axis)
        return TensorValue(shape: newShape, elements: out)
    }

    private func split(axis: Int) throws(TensorError) -> (outer: Int, extent: Int, inner: Int) {
        guard axis >= 0, axis < rank else {
            throw TensorError("axis \(axis) is out of range for a tensor of shape \(TensorValue.describe(shape))")
        }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        return (outer, shape[axis], inner)
    }

    /// `t[i]`, `t[i, j]`: fixes the leading axes; the result has the remaining axes.
    public func indexed(_ indices: [Int]) throws(TensorError) -> TensorValue {
        let (offset, rest, size) = try TensorValue.part(at: indices, of: shape)
        return TensorValue(shape: rest, elements: Array(elements[offset..<offset + size]))
    }

    /// Where the part `t[indices]` of a row-major tensor of `shape` starts, its shape and its size.
    static func part(at indices: [Int], of shape: [Int]) throws(TensorError) -> (offset: Int, shape: [Int], size: Int) {
        guard indices.count <= shape.count else {
            throw TensorError("\(indices.count) indices for a tensor of rank \(shape.count) (shape \(describe(shape)))")
        }
        let strides = strides(of: shape)
        var offset = 0
        for (axis, index) in indices.enumerated() {
            guard index >= 0, index < shape[axis] else {
                throw TensorError("index \(index) is out of range 0..<\(shape[axis]) on axis \(axis)")
            }
            offset += index * strides[axis]
        }
        let rest = Array(shape[indices.count...])
        return (offset, rest, rest.reduce(1, *))
    }

    /// The rows (entries of the first axis) at `rows`, in that order: `X[batch]`.
    public func gathering(_ rows: [Int], limit: Budget) throws(TensorError) -> TensorValue {
        guard let extent = shape.first else { throw TensorError("a number has no rows") }
        let newShape = [rows.count] + shape.dropFirst()
        try limit.check(newShape)
        let size = shape.dropFirst().reduce(1, *)
        var out: [Double] = []
        out.reserveCapacity(rows.count * size)
        for r in rows {
            guard r >= 0, r < extent else { throw TensorError("row \(r) is out of range 0..<\(extent)") }
            out.append(contentsOf: elements[r * size..<(r + 1) * size])
        }
        return TensorValue(shape: newShape, elements: out)
    }

    /// Replaces the part selected by `indices` with `value` (broadcast to its shape).
    public mutating func assign(_ indices: [Int], _ value: TensorValue, limit: Budget) throws(TensorError) {
        let part = try indexed(indices)
        let fill = try TensorValue.zip(part, value, limit: limit) { _, new in new }
        guard fill.shape == part.shape else {
            throw TensorError("cannot store shape \(TensorValue.describe(value.shape)) into shape \(TensorValue.describe(part.shape))")
        }
        let strides = TensorValue.strides(of: shape)
        var offset = 0
        for (axis, index) in indices.enumerated() { offset += index * strides[axis] }
        elements.replaceSubrange(offset..<offset + fill.count, with: fill.elements)
    }
}
