import NBLearning
extension TensorValue {
    /// NumPy broadcasting of two shapes.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        let rank = max(a.count, b.count)
        var result = Array(repeating: 0, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if x == y || y == 1 { result[i] = x } else if x == 1 { result[i] = y } else {
                throw TensorError("shapes \(describe(a)) and \(describe(b)) cannot be broadcast together")
            }
        }
        return result
    }

    /// Elementwise `operation` with broadcasting.
    public static func zip(_ a: TensorValue, _ b: TensorValue, limit: Budget,
                           _ operation: (Double, Double) -> Double) throws(TensorError) -> TensorValue {
        if a.shape == b.shape {
            var out = a.elements
            for i in out.indices { out[i] = operation(out[i], b.elements[i]) }
            return TensorValue(shape: a.shape, elements: out)
        }
        let (shape, out) = try Broadcasting.zip(a.shape, a.elements, b.shape, b.elements, limit: limit, operation)
        return TensorValue(shape: shape, elements: out)
    }

    /// Applies `operation` to every element.
    public func map(_ operation: (Double) -> Double) -> TensorValue {
        TensorValue(shape: shape, elements: elements.map(operation))
    }

    /// Matrix product: 2-d @ 2-d, 1-d @ 2-d, 2-d @ 1-d; 1-d @ 1-d is the dot product (a 0-d tensor).
    public static func matmul(_ a: TensorValue, _ b: TensorValue, limit: Budget) throws(TensorError) -> TensorValue {
        guard (1...2).contains(a.rank), (1...2).contains(b.rank) else {
            throw TensorError("@ needs vectors or matrices, got shapes \(describe(a.shape)) and \(describe(b.shape))")
        }
        let (m, k) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let (k2, n) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
        guard k == k2 else {
            throw TensorError("@ needs matching inner dimensions, got shapes \(describe(a.shape)) and \(describe(b.shape))")
        }
        var outShape: [Int] = []
        if a.rank == 2 { outShape.append(m) }
        if b.rank == 2 { outShape.append(n) }
        try limit.check(outShape)
        try limit.checkDeadline()
        // One BLAS call cannot be interrupted: the deadline is checked before and after it.
        let product = try TensorValue.learning { try a.learning.matmul(b.learning) }
        try limit.checkDeadline()
        return product.reshaped(outShape)
    }
}
