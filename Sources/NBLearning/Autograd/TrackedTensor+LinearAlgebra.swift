extension TrackedTensor {
    /// The matrix product (ranks 1 and 2, NumPy conventions). Backward uses GEMM with transpose
    /// flags: dA = G·Bᵀ, dB = Aᵀ·G, no transposed copies.
    public func matmul(_ other: TrackedTensor) throws -> TrackedTensor {
        let a = value
        let b = other.value
        let lhs = a.rank == 1 ? try reshaped([1, a.shape[0]]) : self
        let rhs = b.rank == 1 ? try other.reshaped([b.shape[0], 1]) : other
        let product = try lhs.matmul2D(rhs)
        if a.rank == 2 && b.rank == 2 { return product }
        var shape: [Int] = []
        if a.rank == 2 { shape.append(a.shape[0]) }
        if b.rank == 2 { shape.append(b.shape[1]) }
        return try product.reshaped(shape)
    }

    private func matmul2D(_ other: TrackedTensor) throws -> TrackedTensor {
        let a = value
        let b = other.value
        let y = try Tensor.matmul(a, b)
        let worthSplitting = MatrixProduct.worthAHandOff(m: a.shape[0], k: a.shape[1], n: b.shape[1])
        return try tape.record(y, inputs: [self, other]) { g, needed in
            let (da, db) = try ComputeThreads.both(parallel: needed[0] && needed[1] && worthSplitting,
                { needed[0] ? try Tensor.matmul(g, b, transposeRHS: true) : nil },
                { needed[1] ? try Tensor.matmul(a, g, transposeLHS: true) : nil })
            return [da, db]
        }
    }

    /// A fused affine layer `x·W + b` (x: `[N, in]`, W: `[in, out]`, b: `[out]`): the bias is
    /// written into the output before one GEMM accumulates onto it. With `relu`, the activation is
    /// applied in place and its gradient gate folded into the backward pass (one record, one
    /// output buffer instead of two).
    public func affine(weight: TrackedTensor, bias: TrackedTensor, relu: Bool = false) throws -> TrackedTensor {
        let x = value
        let w = weight.value
        let b = bias.value
        guard x.rank == 2, w.rank == 2, x.shape[1] == w.shape[0] else {
            throw TensorError.shapeMismatch(operation: "affine (x·W)", lhs: x.shape, rhs: w.shape)
        }
        guard b.shape == [w.shape[1]] else {
            throw TensorError.shapeMismatch(operation: "affine bias", lhs: [w.shape[1]], rhs: b.shape)
        }
        let m = x.shape[0], k = x.shape[1], n = w.shape[1]
        let count = try Shape.checkedCount([m, n], limit: Tensor<Scalar>.elementLimit)
        let y = Tensor<Scalar>(validShape: [m, n], count: count) { out in
            b.withUnsafeBufferPointer { bp in
                guard let bias = bp.baseAddress else { return }
                for row in 0..<m { (out + row * n).update(from: bias, count: n) }
            }
            Tensor.gemm(x, false, w, false, m: m, n: n, k: k, into: out, beta: 1)
            if relu { Scalar.unaryKernel(.relu, UnsafeBufferPointer(start: out, count: count), out) }
        }
        return try tape.record(y, inputs: [self, weight, bias]) { upstream, needed in
            let g = relu ? try upstream.combined(with: y, .gateByPositive) : upstream
            // dX and dW are independent products: one per thread when both are wanted and big
            // enough to pay for the hand-off.
            let (dx, dw) = try ComputeThreads.both(parallel: needed[0] && needed[1] && MatrixProduct.worthAHandOff(m: m, k: k, n: n),
                { needed[0] ? try Tensor.matmul(g, w, transposeRHS: true) : nil },
                { needed[1] ? try Tensor.matmul(x, g, transposeLHS: true) : nil })
            return [dx, dw, needed[2] ? try g.sum(axis: 0) : nil]
        }
    }
}
