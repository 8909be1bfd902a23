import CNBBLAS

/// What runs the numeric work on this machine, for reports (`nb-bench` prints it at the top).
public enum ComputeBackend {
    /// The BLAS library with its build configuration, the kernel it runs and who chose it, how
    /// products are split, and the instruction set of the elementwise kernels.
    public static var description: String {
        "BLAS: \(String(cString: nb_blas_description())); products split into shape-fixed single-threaded "
            + "blocks (bit-identical for any thread count); elementwise kernels: \(VectorKernels.isaName)"
    }

    /// Runs `body` with the BLAS library allowed `threads` threads per call, then back to one (for
    /// benchmarks that call the library directly as a peer; nb's own products never do this).
    public static func withLibraryThreads<T>(_ threads: Int, _ body: () throws -> T) rethrows -> T {
        nb_blas_set_threads(Int32(threads))
        defer { nb_blas_set_threads(1) }
        return try body()
    }
}
