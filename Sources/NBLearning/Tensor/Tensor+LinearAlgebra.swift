extension Tensor {
    /// The matrix product through OpenBLAS GEMM (row-major). Either operand may be used
    /// transposed without copying. Rank-1 operands follow NumPy: a vector on the left is a row,
    /// on the right a column, and that axis is dropped from the result. A large product checks
    /// `budget` as it goes (throwing `BudgetExceeded`); the result never depends on it.
    public static func matmul(
        _ lhs: Tensor, _ rhs: Tensor, transposeLHS: Bool = false, transposeRHS: Bool = false,
        budget: Budget = .unlimited
    ) throws -> Tensor {
        guard (1...2).contains(lhs.rank), (1...2).contains(rhs.rank) else {
            throw TensorError.invalidArgument("@ needs vectors or matrices, got shapes \(TensorError.format(lhs.shape)) and \(TensorError.format(rhs.shape))")
        }
        let a = lhs.rank == 1 ? [1, lhs.shape[0]] : lhs.shape
        let b = rhs.rank == 1 ? [rhs.shape[0], 1] : rhs.shape
        let transposeA = transposeLHS && lhs.rank == 2
        let transposeB = transposeRHS && rhs.rank == 2
        let m = transposeA ? a[1] : a[0]
        let k = transposeA ? a[0] : a[1]
        let k2 = transposeB ? b[1] : b[0]
        let n = transposeB ? b[0] : b[1]
        guard k == k2 else {
            let describedL = transposeA ? "the transpose of \(TensorError.format(lhs.shape))" : TensorError.format(lhs.shape)
            let describedR = transposeB ? "the transpose of \(TensorError.format(rhs.shape))" : TensorError.format(rhs.shape)
            throw TensorError.invalidArgument("@ needs matching inner dimensions, got shapes \(describedL) and \(describedR)")
        }
        var shape: [Int] = []
        if lhs.rank == 2 { shape.append(m) }
        if rhs.rank == 2 { shape.append(n) }
        let total = try Shape.checkedCount([m, n], limit: elementLimit)
        try budget.check(shape)
        return try Tensor(validShape: shape, count: total) { c throws(BudgetExceeded) in
            try gemm(lhs, transposeA, rhs, transposeB, m: m, n: n, k: k, into: c, beta: 0, checking: budget.checkTime)
        }
    }

    /// Writes `op(a)·op(b) + beta·c` into `c` (`m×n`); handles the empty cases BLAS rejects.
    static func gemm(
        _ a: Tensor, _ transposeA: Bool, _ b: Tensor, _ transposeB: Bool,
        m: Int, n: Int, k: Int, into c: UnsafeMutablePointer<Scalar>, beta: Scalar
    ) {
        gemm(a, transposeA, b, transposeB, m: m, n: n, k: k, into: c, beta: beta, checking: { () throws(Never) in })
    }

    /// `gemm` calling `check` between the slabs of a large product (see `MatrixProduct`).
    static func gemm<E: Error>(
        _ a: Tensor, _ transposeA: Bool, _ b: Tensor, _ transposeB: Bool,
        m: Int, n: Int, k: Int, into c: UnsafeMutablePointer<Scalar>, beta: Scalar,
        checking check: () throws(E) -> Void
    ) throws(E) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 { c.update(repeating: 0, count: m * n) }
            return
        }
        var failure: E?
        a.scalars.withUnsafeBufferPointer { ap in
            b.scalars.withUnsafeBufferPointer { bp in
                guard let ap = ap.baseAddress, let bp = bp.baseAddress else { return }
                do throws(E) {
                    try MatrixProduct.run(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        a: ap, b: bp, beta: beta, c: c, checking: check)
                } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    /// `self · other`.
    public func matmul(_ other: Tensor) throws -> Tensor { try Tensor.matmul(self, other) }
}
