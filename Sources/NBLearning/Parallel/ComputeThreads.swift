import CNBBLAS
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How many threads tensor kernels use. Matrix products are split into blocks by nb and each
/// block is one single-threaded call of the BLAS library on a `WorkerTeam` (the library's own pool
/// wakes too slowly for the products a notebook trains on); large element loops are split the same way.
///
/// The setting is process-wide, like the library's own thread count it replaces; it defaults to the
/// number of cores (`OPENBLAS_NUM_THREADS` or `NB_THREADS` in the environment override it).
public enum ComputeThreads {
    private static let setting = Atomic<Int>(defaultCount)
    /// The helper threads, started on first use.
    static let team = WorkerTeam(helpers: Swift.max(0, availableCores - 1))

    private static var availableCores: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    private static var defaultCount: Int {
        for name in ["NB_THREADS", "OPENBLAS_NUM_THREADS"] {
            if let raw = getenv(name), let value = Int(String(cString: raw)), value >= 1 { return value }
        }
        return availableCores
    }

    /// The number of threads kernels use (1 = everything on the calling thread).
    public static var count: Int { setting.load(ordering: .relaxed) }

    /// Sets the number of threads (at least 1; more than the machine's cores brings nothing).
    public static func set(_ count: Int) {
        setting.store(Swift.max(1, count), ordering: .relaxed)
    }

    /// Runs `body(0…parts−1)` over the team (part 0 on the caller), on at most `count` threads.
    static func perform(parts: Int, _ body: (Int) -> Void) {
        let threads = count
        if parts <= 1 || threads <= 1 {
            for part in 0..<parts { body(part) }
            return
        }
        team.perform(parts: parts, threads: threads, body)
    }

    /// Evaluates two independent pieces of work at once when `parallel` (the caller takes the
    /// first, a helper the second); products inside them then run their blocks on the thread they
    /// are on, so the results are the same as one after the other. Pass `parallel: false` when one
    /// side is trivial, so the other keeps the whole team for its own blocks.
    static func both<A, B>(
        parallel: Bool = true, _ first: () throws -> A, _ second: () throws -> B
    ) throws -> (A, B) {
        guard parallel else { return (try first(), try second()) }
        var a: Result<A, any Error>?
        var b: Result<B, any Error>?
        perform(parts: 2) { part in
            if part == 0 { a = Result { try first() } } else { b = Result { try second() } }
        }
        guard let a, let b else { throw TensorError.invalidArgument("a parallel task did not run") }
        return (try a.get(), try b.get())
    }

    /// Element loops shorter than this run whole on the calling thread (a hand-off costs about
    /// as much as 32 K simple element operations).
    static let elementChunk = 1 << 15

    /// Calls `body(start, count)` for consecutive chunks covering `0..<total`, split over the team
    /// when the loop is long enough. For element-by-element work only: the chunks depend on the
    /// thread count, which cannot change a result computed element by element.
    @inline(__always)
    static func forEachChunk(of total: Int, _ body: (_ start: Int, _ count: Int) -> Void) {
        let parts = Swift.min(count, total / elementChunk)
        if parts <= 1 { body(0, total); return }
        perform(parts: parts) { part in
            let start = total * part / parts, end = total * (part + 1) / parts
            body(start, end - start)
        }
    }

    /// Loads the BLAS library, which computes each call on one thread: nb splits products itself,
    /// with a partition that does not depend on the thread count. The thread count and the product
    /// class are read first, because loading sets OPENBLAS_NUM_THREADS=1 for a moment.
    static func loadBLAS() { _ = blasLoaded }
    private static let blasLoaded: Void = {
        _ = count
        _ = ComputeBackend.productClass
        _ = nb_blas_load()
    }()
}
