/// GEMM split by blocks of output rows (or columns, when there are few rows) over
/// `ComputeThreads`, each block one single-threaded BLAS call. Products too small to pay for
/// a hand-off run whole on the calling thread.
///
/// The blocks depend on the product's shape only — never on the number of threads — so a result
/// is bit-for-bit the same with 1, 2 or 16 threads (a single BLAS call on a different
/// partition may round differently in the last place).
enum MatrixProduct {
    /// Below this many multiply–adds a product is not split (~2·10⁵: a few microseconds of work).
    static let splitThreshold = 1 << 18

    /// Whether the products of an m×k·k×n layer are big enough that running two of them on two
    /// threads pays for the hand-off (the same threshold as splitting one product).
    static func worthAHandOff(m: Int, k: Int, n: Int) -> Bool {
        Double(m) * Double(k) * Double(n) >= Double(splitThreshold)
    }

    /// Blocks of at least 128 rows (or columns), at most 4 of them.
    static func parts(extent: Int, work: Int) -> Int {
        work < splitThreshold ? 1 : Swift.max(1, Swift.min(4, extent / 128))
    }

    /// A product of more multiply–adds than this (~0.05 s of work on one core) is cut into more
    /// blocks, each about this much work, run four at a time with a budget check before each group.
    static let slabWork = 1 << 28

    /// The number of blocks: `parts` for products up to `slabWork` (so their results are as
    /// before), otherwise one block per `slabWork` of work (at most one per row or column).
    static func blocks(extent: Int, work: Double) -> Int {
        let parts = Self.parts(extent: extent, work: work > Double(Int.max) ? .max : Int(work))
        guard work > Double(slabWork) else { return parts }
        return Swift.max(parts, Swift.min(extent, Int((work / Double(slabWork)).rounded(.up))))
    }

    /// `c ← op(a)·op(b) + beta·c` for row-major operands with their natural leading dimensions.
    /// A product of more than four blocks calls `check` (a budget check) before each group of
    /// four, so it can stop part-way; the blocks depend on the shape only.
    static func run<Scalar: TensorScalar, E: Error>(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        a: UnsafePointer<Scalar>, b: UnsafePointer<Scalar>, beta: Scalar, c: UnsafeMutablePointer<Scalar>,
        checking check: () throws(E) -> Void
    ) throws(E) {
        ComputeThreads.loadBLAS()
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        let splitRows = m >= n
        let extent = splitRows ? m : n
        let blocks = Self.blocks(extent: extent, work: Double(m) * Double(n) * Double(k))
        if blocks <= 1 {
            Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                        alpha: 1, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: n)
            return
        }
        for first in stride(from: 0, to: blocks, by: 4) {
            if blocks > 4 { try check() }
            ComputeThreads.perform(parts: Swift.min(4, blocks - first)) { part in
                let block = first + part
                let start = extent * block / blocks, end = extent * (block + 1) / blocks
                if splitRows {
                    Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: end - start, n: n, k: k,
                                alpha: 1, a: transposeA ? a + start : a + start * lda, lda: lda, b: b, ldb: ldb,
                                beta: beta, c: c + start * n, ldc: n)
                } else {
                    Scalar.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: end - start, k: k,
                                alpha: 1, a: a, lda: lda, b: transposeB ? b + start * ldb : b + start, ldb: ldb,
                                beta: beta, c: c + start, ldc: n)
                }
            }
        }
    }
}
