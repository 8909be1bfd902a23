import COpenBLAS

/// The OpenBLAS thread pool used by every matrix product. OpenBLAS reads
/// `OPENBLAS_NUM_THREADS` when it loads; these calls inspect or override that (the setting lives
/// inside OpenBLAS, not in nb).
public enum BLASThreads {
    /// The number of threads OpenBLAS uses.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads (at least 1).
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(Swift.max(1, count)))
    }
}
