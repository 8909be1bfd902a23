#if canImport(Glibc)
import CMalloc
#endif

/// Process set-up for tensor work, called once by an executable before it computes (`nb`,
/// `nb-bench`).
///
/// A training step allocates and frees the same few buffers of 64 KB–1 MB every step. With glibc's
/// defaults, buffers above the mmap threshold are mapped and unmapped each time and freed heap
/// space is trimmed back to the system, so every step pays page faults to zero fresh pages again —
/// measured: a third of an MLP step. Raising both thresholds keeps the pages in the process for
/// reuse (memory already used stays reserved; peak use does not grow).
public enum AllocatorTuning {
    /// Largest allocation served from the heap (glibc's ceiling on 64-bit: 32 MB).
    public static let mmapThreshold: Int32 = 32 << 20
    /// Free heap space kept before it is returned to the system.
    public static let trimThreshold: Int32 = 512 << 20

    /// Applies the thresholds (a no-op where the C library is not glibc).
    public static func configureForTensorWork() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }
}
