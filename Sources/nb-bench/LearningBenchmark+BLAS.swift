import Foundation
import NBLearning

// `nb-bench learning --only blas`: the evaluation behind nb's choice of BLAS library (docs/engine.md,
// "Matrix products"). Every library reachable here is opened directly and timed on the shapes nb
// runs, with 1 and 2 threads of its own, beside nb's own product (Tensor.matmul: shape-fixed
// single-threaded blocks on nb's team). OpenBLAS runs with the kernel nb chose for it (it is
// already loaded); `OPENBLAS_CORETYPE=Prescott nb-bench learning --only blas` shows a forced one.
extension LearningBenchmark {
    /// A library's `cblas_sgemm` and its thread setter, opened with dlopen.
    struct DirectBLAS {
        typealias SGEMM = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float,
                                          UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                          Float, UnsafeMutablePointer<Float>?, Int32) -> Void
        var name: String
        var sgemm: SGEMM
        var setThreads: (Int) -> Void

        static func open(_ name: String, file: String, threadSetter: String) -> DirectBLAS? {
            guard let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL),
                  let sgemm = dlsym(handle, "cblas_sgemm"), let setter = dlsym(handle, threadSetter) else { return nil }
            let setThreads: (Int) -> Void
            if threadSetter == "bli_thread_set_num_threads" {
                let function = unsafeBitCast(setter, to: (@convention(c) (Int) -> Void).self)
                setThreads = { function($0) }
            } else {
                let function = unsafeBitCast(setter, to: (@convention(c) (Int32) -> Void).self)
                setThreads = { function(Int32($0)) }
            }
            return DirectBLAS(name: name, sgemm: unsafeBitCast(sgemm, to: SGEMM.self), setThreads: setThreads)
        }

        static var available: [DirectBLAS] {
            [open("OpenBLAS", file: "libopenblas.so.0", threadSetter: "openblas_set_num_threads"),
             open("BLIS", file: "libblis.so.4", threadSetter: "bli_thread_set_num_threads")].compactMap { $0 }
        }

        /// GFLOP/s of C = A·B (row-major, m×k times k×n), best of `seconds` split in rounds.
        func gflops(m: Int, n: Int, k: Int, threads: Int, seconds: Double) throws -> Double {
            let a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.25, count: k * n)
            var c = [Float](repeating: 0, count: m * n)
            setThreads(threads)
            defer { setThreads(1) }
            let rate = try a.withUnsafeBufferPointer { ap in
                try b.withUnsafeBufferPointer { bp in
                    try c.withUnsafeMutableBufferPointer { cp in
                        try measure(seconds: seconds, batch: 4) {
                            sgemm(101, 111, 111, Int32(m), Int32(n), Int32(k), 1, ap.baseAddress, Int32(k),
                                  bp.baseAddress, Int32(n), 0, cp.baseAddress, Int32(n))
                        }
                    }
                }
            }
            return rate * 2 * Double(m * n * k) / 1e9
        }
    }

    /// The shapes nb runs: the MLP step's products (forward, both backward products), the digits
    /// models' and 1024³.
    static let blasShapes: [(m: Int, n: Int, k: Int)] = [
        (256, 256, 64), (256, 256, 256), (64, 256, 256), (256, 64, 256), (256, 10, 256),
        (64, 32, 64), (1024, 1024, 1024),
    ]

    static func blasTable(seconds: Double) throws {
        let libraries = DirectBLAS.available
        var header = ["M×N×K", "nb (2 threads)"]
        for library in libraries { header += ["\(library.name) 1 thread", "\(library.name) 2 threads"] }
        print(header.joined(separator: " | "))
        let share = seconds / Double(blasShapes.count * (1 + 2 * libraries.count))
        for shape in blasShapes {
            let a = try Tensor<Float>.randomUniform([shape.m, shape.k], seed: 1)
            let b = try Tensor<Float>.randomUniform([shape.k, shape.n], seed: 2)
            let ours = try measure(seconds: share, batch: 4) { _ = try Tensor.matmul(a, b) }
            var cells = ["\(shape.m)×\(shape.n)×\(shape.k)", format(ours * 2 * Double(shape.m * shape.n * shape.k) / 1e9)]
            for library in libraries {
                for threads in [1, 2] {
                    cells.append(format(try library.gflops(m: shape.m, n: shape.n, k: shape.k, threads: threads, seconds: share)))
                }
            }
            print(cells.joined(separator: " | "))
        }
        print("(GFLOP/s; libraries called directly with their own threads; OpenBLAS with the kernel nb chose)")
    }
}
