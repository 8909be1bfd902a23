import CNBBLAS
import Foundation
import NBLearning

// `nb-bench learning --only blas`: the evaluation behind nb's choice of BLAS library (docs/engine.md,
// "Matrix products"). Every library reachable here is opened directly and timed on the shapes nb
// runs, with 1 and 2 threads of its own, beside nb's own product (Tensor.matmul: shape-fixed
// single-threaded blocks on nb's team). When nb's loader chose OpenBLAS, the table's OpenBLAS is
// that library with nb's kernel; when it chose BLIS, OpenBLAS loads here with its own CPU
// detection. `OPENBLAS_CORETYPE=Prescott nb-bench learning --only blas` forces a kernel.
// `--also PATH` (repeatable) adds any other CBLAS library by its file, e.g. Intel MKL's
// `libmkl_rt.so.2` from the `mkl` pip wheel or ATLAS's `libblas.so.3`: libraries nb does not load,
// measured so that the choice is made against them too.
extension LearningBenchmark {
    /// A library opened directly (`nb_blas_open`, as nb's own loader opens it), for timing it with
    /// its own threads.
    struct DirectBLAS {
        var name: String
        var handle: NBBLASHandle

        static let available: [DirectBLAS] =
            [("OpenBLAS", NBBLASLibraryOpenBLAS), ("BLIS", NBBLASLibraryBLIS)].compactMap { name, library in
                var handle = NBBLASHandle()
                return nb_blas_open(library, &handle, nil, 0) == 1 ? DirectBLAS(name: name, handle: handle) : nil
            }

        /// GFLOP/s of C = A·B (row-major, m×k times k×n), calls repeated for `seconds`.
        func gflops(m: Int, n: Int, k: Int, threads: Int, seconds: Double) throws -> Double {
            var handle = handle
            nb_blas_handle_set_threads(&handle, Int32(threads))
            defer { nb_blas_handle_set_threads(&handle, 1) }
            return try LearningBenchmark.sgemmGFLOPS(m: m, n: n, k: k, seconds: seconds) { a, b, c in
                nb_blas_handle_sgemm(&handle, 0, 0, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(n), 0, c, Int32(n))
            }
        }
    }

    /// GFLOP/s of `product` computing C = A·B (row-major, m×k times k×n, C m×n), calls repeated
    /// for `seconds`.
    static func sgemmGFLOPS(m: Int, n: Int, k: Int, seconds: Double,
                            _ product: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) throws -> Double {
        let a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.25, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        let rate = try a.withUnsafeBufferPointer { a in
            try b.withUnsafeBufferPointer { b in
                try c.withUnsafeMutableBufferPointer { c in
                    try measure(seconds: seconds, batch: 4) { product(a.baseAddress!, b.baseAddress!, c.baseAddress!) }
                }
            }
        }
        return rate * 2 * Double(m * n * k) / 1e9
    }

    /// Any other CBLAS library, opened by its path: its `cblas_sgemm`, and its thread setter when
    /// it has one of the known ones (MKL's, OpenBLAS's); without one, it runs as its environment
    /// says and only the 1-thread column is filled.
    struct OtherBLAS {
        typealias SGEMM = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                                          UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
        typealias SetThreads = @convention(c) (Int32) -> Void
        var name: String
        var sgemm: SGEMM
        var setThreads: SetThreads?

        init?(path: String) {
            guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(library, "cblas_sgemm") else {
                print("note: --also \(path): not a loadable CBLAS library (\(dlerror().map { String(cString: $0) } ?? "no cblas_sgemm"))")
                return nil
            }
            name = URL(fileURLWithPath: path).lastPathComponent
            sgemm = unsafeBitCast(symbol, to: SGEMM.self)
            let setter = ["MKL_Set_Num_Threads", "openblas_set_num_threads"].lazy.compactMap { (name: String) in dlsym(library, name) }.first
            setThreads = setter.map { unsafeBitCast($0, to: SetThreads.self) }
        }

        /// GFLOP/s of C = A·B as `DirectBLAS.gflops`; nil for 2 threads without a thread setter.
        func gflops(m: Int, n: Int, k: Int, threads: Int, seconds: Double) throws -> Double? {
            if threads > 1 && setThreads == nil { return nil }
            setThreads?(Int32(threads))
            defer { setThreads?(1) }
            return try LearningBenchmark.sgemmGFLOPS(m: m, n: n, k: k, seconds: seconds) { a, b, c in
                sgemm(101, 111, 111, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(n), 0, c, Int32(n))
            }
        }
    }

    /// The shapes nb runs: the MLP step's products (forward, both backward products), the digits
    /// models' and 1024³.
    static let blasShapes: [(m: Int, n: Int, k: Int)] = [
        (256, 256, 64), (256, 256, 256), (64, 256, 256), (256, 64, 256), (256, 10, 256),
        (64, 32, 64), (1024, 1024, 1024),
    ]

    static func blasTable(seconds: Double, also: [String]) throws {
        let libraries = DirectBLAS.available
        let others = also.compactMap(OtherBLAS.init(path:))
        var header = ["M×N×K", "nb (2 threads)"]
        for name in libraries.map(\.name) + others.map(\.name) { header += ["\(name) 1 thread", "\(name) 2 threads"] }
        print(header.joined(separator: " | "))
        let share = seconds / Double(blasShapes.count * (1 + 2 * (libraries.count + others.count)))
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
            for library in others {
                for threads in [1, 2] {
                    cells.append(try library.gflops(m: shape.m, n: shape.n, k: shape.k, threads: threads, seconds: share).map(format) ?? "—")
                }
            }
            print(cells.joined(separator: " | "))
        }
        print("(GFLOP/s; libraries called directly with their own threads; nb's library: \(String(cString: nb_blas_description())))")
    }
}
