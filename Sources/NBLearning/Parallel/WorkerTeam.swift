#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A small team of helper threads that split one loop with the calling thread: `perform(parts:threads:)`
/// deals parts 0, 1, … round-robin to the caller (thread 0) and the helpers, and returns when all
/// are done. Which thread runs a part never changes what the part computes, so callers that fix
/// their partition get the same result with any number of threads.
///
/// Hand-off is the cost that matters for the sizes a notebook trains on (a 256×256×256 product
/// takes ~0.2 ms), so helpers spin for a short while after each job before they park on a condition
/// variable; a burst of products (a training step) keeps them awake, an idle process does not burn
/// a core. One caller at a time uses the team: a second concurrent caller runs its parts itself,
/// so nested or concurrent use can never deadlock.
final class WorkerTeam: @unchecked Sendable {
    /// Helpers beyond the calling thread.
    let helperCount: Int

    private let generation = Atomic<Int>(0)
    private let pending = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    private let parkedCount = Atomic<Int>(0)
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    /// The job of the current generation, its number of parts and of threads; written by the caller before
    /// the generation is published (release) and read by helpers after they see it (acquire).
    fileprivate var job: ((Int) -> Void)?
    fileprivate var partCount = 0
    fileprivate var threadCount = 0

    /// Spins (≈ 50–100 µs) before a helper parks.
    private static let spinLimit = 20_000

    init(helpers: Int) {
        helperCount = Swift.max(0, helpers)
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        for index in 0..<helperCount {
            let context = Unmanaged.passRetained(HelperStart(team: self, part: index + 1)).toOpaque()
            var thread = pthread_t()
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            pthread_attr_setstacksize(&attributes, 1 << 20)
            pthread_create(&thread, &attributes, { raw in
                guard let raw else { return nil }
                let start = Unmanaged<HelperStart>.fromOpaque(raw).takeRetainedValue()
                start.team.helperLoop(part: start.part)
                return nil
            }, context)
            pthread_attr_destroy(&attributes)
            pthread_detach(thread)
        }
    }

    /// Runs `body(0) … body(parts − 1)` on up to `threads` threads (the caller and helpers). A team
    /// already busy with another caller leaves this caller to run its parts itself, in order.
    func perform(parts: Int, threads: Int, _ body: (Int) -> Void) {
        let width = Swift.min(parts, threads, helperCount + 1)
        guard width > 1, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for part in 0..<parts { body(part) }
            return
        }
        withoutActuallyEscaping(body) { body in
            job = body
            partCount = parts
            threadCount = width
            pending.store(helperCount, ordering: .relaxed)
            // Sequentially consistent with the helpers' park check, so a wake-up is never lost.
            generation.add(1, ordering: .sequentiallyConsistent)
            if parkedCount.load(ordering: .sequentiallyConsistent) > 0 {
                pthread_mutex_lock(mutex)
                pthread_cond_broadcast(condition)
                pthread_mutex_unlock(mutex)
            }
            Self.run(body, first: 0, stride: width, count: parts)
            while pending.load(ordering: .acquiring) > 0 {}
            job = nil
        }
        busy.store(false, ordering: .releasing)
    }

    fileprivate static func run(_ body: (Int) -> Void, first: Int, stride: Int, count: Int) {
        var part = first
        while part < count {
            body(part)
            part += stride
        }
    }

    private func helperLoop(part: Int) {
        var seen = 0
        while true {
            var spins = 0
            var current = generation.load(ordering: .acquiring)
            while current == seen {
                spins &+= 1
                if spins > Self.spinLimit {
                    pthread_mutex_lock(mutex)
                    parkedCount.add(1, ordering: .sequentiallyConsistent)
                    while generation.load(ordering: .sequentiallyConsistent) == seen {
                        pthread_cond_wait(condition, mutex)
                    }
                    parkedCount.subtract(1, ordering: .sequentiallyConsistent)
                    pthread_mutex_unlock(mutex)
                    spins = 0
                }
                current = generation.load(ordering: .acquiring)
            }
            seen = current
            if part < threadCount { runCurrentJob(part: part) }
            pending.subtract(1, ordering: .releasing)
        }
    }
}

extension WorkerTeam {
    /// A helper's share of the current job. Not inlined, so the helper's copy of the closure is
    /// released when this returns — before `pending` says the helper is done, as
    /// `withoutActuallyEscaping` in `perform` requires.
    @inline(never)
    private func runCurrentJob(part: Int) {
        guard let job else { return }
        Self.run(job, first: part, stride: threadCount, count: partCount)
    }
}

private final class HelperStart {
    let team: WorkerTeam
    let part: Int
    init(team: WorkerTeam, part: Int) { self.team = team; self.part = part }
}
