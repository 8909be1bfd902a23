#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A small team of helper threads that split one loop with the calling thread: in
/// `perform(parts:threads:)` the caller and the helpers take parts 0, 1, … one at a time from a
/// shared counter until none is left, and the call returns when every part is done. Which thread
/// runs a part never changes what the part computes, so callers that fix their partition get the
/// same result with any number of threads.
///
/// Taking parts instead of being dealt them matters on a shared machine: a helper that another
/// process keeps off its core only misses the parts the caller has taken meanwhile, and the caller
/// never waits for a helper that has not started; with parts dealt in advance it would spin until
/// the helper got a core back (a 2-thread training step ran at half the speed of 1 thread with one
/// other busy process on a 2-core machine).
///
/// Hand-off is the cost that matters for the sizes a notebook trains on (a 256×256×256 product
/// takes ~0.2 ms), so helpers spin for a short while after each job before they park on a condition
/// variable; a burst of products (a training step) keeps them awake, an idle process does not burn
/// a core. One caller at a time uses the team: a second concurrent caller runs its parts itself,
/// so nested or concurrent use can never deadlock.
final class WorkerTeam: @unchecked Sendable {
    /// Helpers beyond the calling thread.
    let helperCount: Int

    fileprivate let generation = Atomic<Int>(0)
    /// The next part of the current job to take.
    fileprivate let nextPart = Atomic<Int>(0)
    /// Helpers inside the current job (they may read `job`), plus `closed` once the caller has
    /// finished its own parts: a helper enters only while the job is open, and the caller returns
    /// once none is inside.
    fileprivate let inside = Atomic<Int>(WorkerTeam.closed)
    fileprivate static let closed = 1 << 40
    private let busy = Atomic<Bool>(false)
    fileprivate let parkedCount = Atomic<Int>(0)
    fileprivate let mutex: UnsafeMutablePointer<pthread_mutex_t>
    fileprivate let condition: UnsafeMutablePointer<pthread_cond_t>
    /// The job of the current generation, its number of parts and of threads; written by the caller before
    /// the generation is published (release) and read by helpers after they see it (acquire).
    fileprivate var job: ((Int) -> Void)?
    fileprivate var partCount = 0
    fileprivate var threadCount = 0

    /// How long an idle helper spins before it parks: longer than the serial stretches between
    /// the products of a training step (tens of µs), so a helper stays awake through a step; a
    /// wake-up from the condition variable costs 30–100 µs on a virtual machine.
    private static let spinNanoseconds: UInt64 = 400_000
    /// Spins between two looks at the clock.
    private static let spinsPerClockRead = 256

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
            nextPart.store(0, ordering: .relaxed)
            // Opens the job; helpers that enter read the fields above after this (acquire).
            inside.store(0, ordering: .releasing)
            // Sequentially consistent with the helpers' park check, so a wake-up is never lost.
            generation.add(1, ordering: .sequentiallyConsistent)
            if parkedCount.load(ordering: .sequentiallyConsistent) > 0 {
                pthread_mutex_lock(mutex)
                pthread_cond_broadcast(condition)
                pthread_mutex_unlock(mutex)
            }
            takeParts(body)
            // No helper enters from now on; wait for those inside to finish their last part.
            inside.add(Self.closed, ordering: .acquiringAndReleasing)
            var spins = 0
            while inside.load(ordering: .acquiring) != Self.closed {
                spins &+= 1
                if spins % 1024 == 0 { sched_yield() }
            }
            job = nil
        }
        busy.store(false, ordering: .releasing)
    }

    /// Takes parts of the current job one at a time and runs them until none is left.
    fileprivate func takeParts(_ body: (Int) -> Void) {
        while true {
            let part = nextPart.add(1, ordering: .relaxed).oldValue
            guard part < partCount else { return }
            body(part)
        }
    }

    private func helperLoop(part: Int) {
        var seen = 0
        while true {
            var spins = 0
            var idleSince: UInt64 = 0
            var current = generation.load(ordering: .acquiring)
            while current == seen {
                spins &+= 1
                if spins % Self.spinsPerClockRead == 0 {
                    let now = Self.monotonicNanoseconds()
                    if idleSince == 0 {
                        idleSince = now
                    } else if now &- idleSince > Self.spinNanoseconds {
                        park(whileGenerationIs: seen)
                        idleSince = 0
                    }
                }
                current = generation.load(ordering: .acquiring)
            }
            seen = current
            runCurrentJob(helper: part)
        }
    }
}

extension WorkerTeam {
    /// Sleeps on the condition variable until the caller publishes a new generation.
    fileprivate func park(whileGenerationIs seen: Int) {
        pthread_mutex_lock(mutex)
        parkedCount.add(1, ordering: .sequentiallyConsistent)
        while generation.load(ordering: .sequentiallyConsistent) == seen {
            pthread_cond_wait(condition, mutex)
        }
        parkedCount.subtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
    }

    fileprivate static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Enters the current job if it is still open and, if the job uses this helper (`helper`, 1…,
    /// below its thread count), takes parts of it until none is left. A helper that sees a later
    /// job than the one it woke for works on that one: it is the job open when it enters. The
    /// job's fields are read only inside, where the caller does not write them.
    private func runCurrentJob(helper: Int) {
        var state = inside.load(ordering: .relaxed)
        while true {
            guard state & Self.closed == 0 else { return }
            let (exchanged, original) = inside.weakCompareExchange(expected: state, desired: state + 1,
                                                                   successOrdering: .acquiring, failureOrdering: .relaxed)
            if exchanged { break }
            state = original
        }
        if helper < threadCount { takeCurrentParts() }
        inside.subtract(1, ordering: .releasing)
    }

    /// The parts of the current job. Not inlined, so the helper's copy of the closure is released
    /// when this returns — before the helper leaves the job, as `withoutActuallyEscaping` in
    /// `perform` requires.
    @inline(never)
    private func takeCurrentParts() {
        guard let job else { return }
        takeParts(job)
    }
}

private final class HelperStart {
    let team: WorkerTeam
    let part: Int
    init(team: WorkerTeam, part: Int) { self.team = team; self.part = part }
}
