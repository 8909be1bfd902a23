/// GEMM split by blocks of output rows (or columns, when there are few rows) over
/// `ComputeThreads`, each block one single-threaded OpenBLAS call. Products too small to pay for
/// a hand-off run whole on the calling thread.
///
/// The blocks depend on the product's shape only — never on the number of threads — so a result
/// is bit-for-bit the same with 1, 2 or 16 threads (a single OpenBLAS call on a different
/// partition may round differently in the last place).
enum MatrixProduct {
    /// Below this many multiply–adds a product is not split (~2·10⁵: a few microseconds of work).
    static let splitThreshold = 1 << 18

    /// Blocks of at least 128 rows (or columns), at most 4 of them.
    static func parts(extent: Int, work: Int) -> Int {
        work < splitThreshold ? 1 : Swift.max(1, Swift.min(4, extent / 128))
    }

    /// Products above this many multiply–adds (~0.05 s of work on one core) run as slabs of
    /// output rows (or columns) of about this much work, with a budget check before each slab.
    static let slabWork = 1 << 28

    /// `c ← op(a)·op(b) + beta·c` for row-major operands with their natural leading dimensions.
    /// A large product calls `check` before each slab (a budget check), so it can stop part-way;
    /// the slabs depend on the shape only.
    static func run<Scalar: TensorScalar, E: Error>(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Scalar>, b: UnsafePointer<Scalar>, beta: Scalar, c: UnsafeMutablePointer<Scalar>,
        checking check: () throws(E) -> Void
    ) throws(E) {
        ComputeThreads.pinBLASToOneThread()
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let splitRows = m >= n
        let extent = splitRows ? m : n
        let work = Double(m) * Double(n) * Double(k)
        let slabs = work > Double(slabWork) ? Swift.min(extent, Int((work / Double(slabWork)).rounded(.up))) : 1
        for slab in 0..<slabs {
            if slabs > 1 { try check() }
            let start = extent * slab / slabs, end = extent * (slab + 1) / slabs
            if splitRows {
                runBlocks(transposeA: transposeA, transposeB: transposeB, m: end - start, n: n, k: k,
                          a: transposeA ? a + start : a + start * lda, lda: lda, b: b, ldb: ldb,
                          beta: beta, c: c + start * n, ldc: n)
            } else {
                runBlocks(transposeA: transposeA, transposeB: transposeB, m: m, n: end - start, k: k,
                          a: a, lda: lda, b: transposeB ? b + start * ldb : b + start, ldb: ldb,
                          beta: beta, c: c + start, ldc: n)
            }
        }
    }

    /// One product (or slab) cut into `parts` blocks over `ComputeThreads`.
    private static func runBlocks<Scalar: TensorScalar>(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Scalar>, lda: Int, b: UnsafePointer<Scalar>, ldb: Int,
        beta: Scalar, c: UnsafeMutablePointer<Scalar>, ldc: Int
    ) {
        let splitRows = m >= n
        let extent = splitRows ? m : n
        let parts = Self.parts(extent: extent, work: m * n * k)
        if parts <= 1 {
            Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: 1, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        ComputeThreads.perform(parts: parts) { part in
            let start = extent * part / parts, end = extent * (part + 1) / parts
            if splitRows {
                Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: end - start, n: n, k: k,
                            alpha: 1, a: transposeA ? a + start : a + start * lda, lda: lda, b: b, ldb: ldb,
                            beta: beta, c: c + start * ldc, ldc: ldc)
            } else {
                Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: end - start, k: k,
                            alpha: 1, a: a, lda: lda, b: transposeB ? b + start * ldb : b + start, ldb: ldb,
                            beta: beta, c: c + start, ldc: ldc)
            }
        }
    }
}
