import CNBBLAS
import CNBKernels

/// What runs the numeric work on this machine, for reports (`nb-bench` prints it at the top) and
/// for the cell cache's key.
public enum ComputeBackend {
    /// The BLAS library with its build configuration, the kernel it runs and who chose it, how
    /// products are split, and the instruction set of the elementwise kernels.
    public static var description: String {
        "BLAS: \(String(cString: nb_blas_description())); products split into shape-fixed single-threaded "
            + "blocks (bit-identical for any thread count); elementwise kernels: \(VectorKernels.isaName)"
    }

    /// The class of machine whose matrix products this one computes bit for bit: the BLAS library
    /// and kernel family nb is going to load (`openblas-SkylakeX`, `openblas-Haswell`,
    /// `blis-AVX2`, `openblas-auto`), decided from the CPU and the overrides (`NB_BLAS`,
    /// `OPENBLAS_CORETYPE`) without loading anything. Elementwise kernels give the same bits on
    /// every instruction set, so they are not part of it. Read before the library is loaded
    /// (`ComputeThreads.loadBLAS`), because loading sets OpenBLAS's variables for a moment.
    public static let productClass: String = {
        let isa = nb_kernels_isa(), amd = nb_cpu_is_amd()
        var byEnvironment: Int32 = 0
        // The loader's own plan (nb_blas_planned_library); an invalid NB_BLAS stops the first product.
        let library = nb_blas_planned_library(isa, amd, &byEnvironment)
        if library == Int32(NBBLASLibraryBLIS.rawValue) { return "blis-" + VectorKernels.isaName }
        let core = nb_blas_planned_openblas_core(isa, amd).map { String(cString: $0) }
        return "openblas-" + (core ?? "auto")
    }()
}
