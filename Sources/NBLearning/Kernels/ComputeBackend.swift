import CNBBLAS

/// What runs the numeric work on this machine, for reports (`nb-bench` prints it at the top).
public enum ComputeBackend {
    /// The BLAS library with its build configuration, the kernel it runs and who chose it, how
    /// products are split, and the instruction set of the elementwise kernels.
    public static var description: String {
        "BLAS: \(String(cString: nb_blas_description())); products split into shape-fixed single-threaded "
            + "blocks (bit-identical for any thread count); elementwise kernels: \(VectorKernels.isaName)"
    }
}
