import Foundation

/// Long-lived threads with large stacks, each running one job at a time. `run` hands its job to an
/// idle thread (starting one when none is idle) and waits for it.
///
/// Cells recurse deeply (the interpreter walks expressions recursively, and so does encoding a
/// nested value), deeper than a worker's default stack allows. Starting a thread per cell with a
/// 256 MB stack made every cell map and unmap that stack; with two notebooks building at once the
/// unmaps serialise both workers on the process's memory map (measured: a third of the 2-worker
/// build spent off the CPU). Threads here are kept, so a stack is mapped once per thread.
public final class LargeStackThreads: @unchecked Sendable {
    /// The pool every session and environment encoding uses: 256 MB stacks (virtual memory; only
    /// the pages a deep recursion touches become resident).
    public static let shared = LargeStackThreads(stackSize: 256 << 20)

    /// The stack size of each thread.
    public let stackSize: Int
    private let lock = NSLock()
    private var idle: [Worker] = []

    public init(stackSize: Int) {
        self.stackSize = stackSize
    }

    /// Runs `body` on one of the pool's threads and returns its result; the caller blocks until
    /// `body` is done. A caller that is itself near the top of one of these threads runs `body`
    /// in place (no hand-over: a parallel build runs each worker on such a thread once, and its
    /// cells then need no thread switch).
    public func run<T>(_ body: () -> T) -> T {
        if let base = Self.stackBase(), base &- Self.stackAddress() < Self.inPlaceDepth {
            return body()
        }
        return withoutActuallyEscaping(body) { body in
            let worker = takeWorker()
            var result: T?
            worker.perform { result = body() }
            lock.withLock { idle.append(worker) }
            // `perform` returned: the job ran and was released on the worker.
            return result!
        }
    }

    /// How deep a pool thread may already be for `run` to stay on it.
    private static let inPlaceDepth = 1 << 20
    private static let stackBaseKey = "nb.LargeStackThreads.stackBase"

    /// The address near the top of the current thread's stack recorded when it started, if it
    /// is one of the pool's threads.
    private static func stackBase() -> Int? {
        (Thread.current.threadDictionary[stackBaseKey] as? NSNumber)?.intValue
    }

    @inline(never)
    fileprivate static func stackAddress() -> Int {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
    }

    fileprivate static func recordStackBase() {
        Thread.current.threadDictionary[stackBaseKey] = NSNumber(value: stackAddress())
    }

    private func takeWorker() -> Worker {
        if let worker = lock.withLock({ idle.popLast() }) { return worker }
        return Worker(stackSize: stackSize)
    }

    /// One thread and the hand-over of its jobs.
    private final class Worker: @unchecked Sendable {
        private let start = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private var job: (() -> Void)?

        init(stackSize: Int) {
            let thread = Thread { [unowned self] in self.loop() }
            thread.stackSize = stackSize
            thread.start()
        }

        /// Runs `job` on this worker's thread and waits for it.
        func perform(_ job: () -> Void) {
            withoutActuallyEscaping(job) { job in
                self.job = job
                start.signal()
                done.wait()
            }
        }

        private func loop() {
            LargeStackThreads.recordStackBase()
            while true {
                start.wait()
                runJob()
                done.signal()
            }
        }

        /// Not inlined, so the thread's reference to the job is gone before `done` is signalled.
        @inline(never)
        private func runJob() {
            guard let job else { return }
            self.job = nil
            job()
        }
    }
}
