import CNBBLAS
import CNBKernels
import Foundation
import NBLearning
import Testing

/// The BLAS loader: the per-CPU-class choice table, the override by NB_BLAS, and products through
/// whichever library is loaded (docs/engine.md, "Matrix products").
@Suite struct BLASLoaderTests {
    static let blisInstalled: Bool = {
        guard let handle = dlopen("libblis.so.4", RTLD_NOW | RTLD_LOCAL) else { return false }
        dlclose(handle)
        return true
    }()

    @Test func theChoiceFollowsTheCPUClass() {
        #expect(nb_blas_preferred_library(NBKernelISAAVX2, 1) == NBBLASLibraryBLIS)
        #expect(nb_blas_preferred_library(NBKernelISAAVX2, 0) == NBBLASLibraryOpenBLAS)
        #expect(nb_blas_preferred_library(NBKernelISAAVX512, 1) == NBBLASLibraryOpenBLAS)
        #expect(nb_blas_preferred_library(NBKernelISAAVX512, 0) == NBBLASLibraryOpenBLAS)
        #expect(nb_blas_preferred_library(NBKernelISABaseline, 1) == NBBLASLibraryOpenBLAS)
        func core(_ isa: NBKernelISA, _ amd: Int32) -> String? { nb_blas_openblas_core(isa, amd).map { String(cString: $0) } }
        #expect(core(NBKernelISAAVX512, 0) == "SkylakeX")
        #expect(core(NBKernelISAAVX512, 1) == "SkylakeX")
        #expect(core(NBKernelISAAVX2, 0) == "Haswell")
        #expect(core(NBKernelISAAVX2, 1) == "Zen")
        #expect(core(NBKernelISABaseline, 0) == nil)
    }

    /// The loaded library names itself, its kernel and why it runs, and computes exact products
    /// (small integers are exact in Float and Double whatever the kernel).
    @Test func theLoadedLibraryComputesProducts() {
        #expect(nb_blas_load() == 1)
        let description = String(cString: nb_blas_description())
        #expect(description.hasPrefix("OpenBLAS") || description.hasPrefix("BLIS"))
        #expect(description.contains("kernel"))
        let a: [Float] = [1, 2, 3, 4, 5, 6], b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: -1, count: 4)
        nb_sgemm(0, 0, 2, 2, 3, 1, a, 3, b, 2, 0, &c, 2)
        #expect(c == [58, 64, 139, 154])
        var ct = [Double](repeating: 0, count: 4)
        nb_dgemm(1, 1, 2, 2, 3, 1, a.map(Double.init), 2, b.map(Double.init), 3, 0, &ct, 2)
        #expect(ct == [76, 103, 100, 136])
    }

    /// The product class the cell cache keys on names the library and kernel that are then loaded.
    @Test func theProductClassNamesTheLoadedLibrary() {
        let planned = ComputeBackend.productClass
        #expect(nb_blas_load() == 1)
        let description = String(cString: nb_blas_description())
        if description.hasPrefix("BLIS") {
            #expect(planned.hasPrefix("blis-"))
        } else {
            #expect(planned.hasPrefix("openblas-"))
            let core = String(planned.dropFirst("openblas-".count))
            #expect(core == "auto" || description.contains("kernel \(core)"), "\(planned) vs \(description)")
        }
    }

    /// NB_BLAS=blis changes the product class before anything is loaded.
    @Test func theOverrideChangesTheProductClass() async {
        await #expect(processExitsWith: .success) {
            setenv("NB_BLAS", "blis", 1)
            exit(ComputeBackend.productClass.hasPrefix("blis-") ? 0 : 5)
        }
        await #expect(processExitsWith: .success) {
            setenv("NB_BLAS", "openblas", 1)
            setenv("OPENBLAS_CORETYPE", "Haswell", 1)
            exit(ComputeBackend.productClass == "openblas-Haswell" ? 0 : 6)
        }
    }

    /// An unknown library in NB_BLAS ends the process with a message naming the valid ones.
    @Test func anUnknownLibraryIsAClearError() async {
        let result = await #expect(processExitsWith: .exitCode(70), observing: [\.standardErrorContent]) {
            setenv("NB_BLAS", "mkl", 1)
            var c: Float = 0
            nb_sgemm(0, 0, 1, 1, 1, 1, [2], 1, [3], 1, 0, &c, 1)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("NB_BLAS=mkl"))
        #expect(message.contains("`openblas` or `blis`"))
    }

    /// NB_BLAS=blis loads BLIS, and BLIS's products agree exactly with the small exact ones.
    @Test(.enabled(if: blisInstalled, "BLIS (libblis.so.4) is not installed"))
    func blisCanBeChosen() async {
        await #expect(processExitsWith: .success) {
            setenv("NB_BLAS", "blis", 1)
            guard String(cString: nb_blas_description()).hasPrefix("BLIS") else { exit(3) }
            var c = [Float](repeating: -1, count: 4)
            nb_sgemm(0, 0, 2, 2, 3, 1, [1, 2, 3, 4, 5, 6], 3, [7, 8, 9, 10, 11, 12], 2, 0, &c, 2)
            exit(c == [58, 64, 139, 154] ? 0 : 4)
        }
    }
}
