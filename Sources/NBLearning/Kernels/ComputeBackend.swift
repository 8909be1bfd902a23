import COpenBLAS

/// What runs the numeric work on this machine, for reports (`nb-bench` prints it at the top).
public enum ComputeBackend {
    /// The BLAS library with its build configuration and the kernel it selected for this CPU, how
    /// products are split, and the instruction set of the elementwise kernels.
    public static var description: String {
        let configuration = openblas_get_config().map { String(cString: $0) } ?? "OpenBLAS"
        let core = openblas_get_corename().map { String(cString: $0) } ?? "?"
        return "BLAS: \(configuration), kernel \(core); products split into shape-fixed single-threaded blocks "
            + "(bit-identical for any thread count); elementwise kernels: \(VectorKernels.isaName)"
    }
}
