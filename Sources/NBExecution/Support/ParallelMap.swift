import Dispatch
import NBLanguage
import Synchronization

/// Maps `items` on up to `jobs` threads, keeping the input order in the result (deterministic
/// output whatever the scheduling).
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ body: @Sendable (T) -> R) -> [R] {
    measuredParallelMap(items, jobs: jobs, body).results
}

/// What one worker of a parallel map did: how many items it took and the CPU seconds its thread
/// spent on them.
public struct WorkerLoad: Sendable, Equatable {
    public var items: Int
    public var cpuSeconds: Double
    public init(items: Int, cpuSeconds: Double) { self.items = items; self.cpuSeconds = cpuSeconds }
}

/// `parallelMap`, also reporting each worker's load (for `nb-bench site --timings`: a worker that
/// spends far more CPU per item than a lone one points at contention).
///
/// Workers take the next item from a shared counter, so a slow item does not hold up the others'
/// queue; each result goes into its own slot. Each worker runs on one of the large-stack threads
/// cells need, so the cells of its notebooks run in place instead of being handed to another
/// thread one by one.
public func measuredParallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int,
                                                          _ body: @Sendable (T) -> R) -> (results: [R], workers: [WorkerLoad]) {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 {
        return LargeStackThreads.shared.run {
            let start = CPUClock.thread
            let results = items.map(body)
            return (results, [WorkerLoad(items: items.count, cpuSeconds: CPUClock.thread - start)])
        }
    }
    let slots = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    let loads = Mutex<[WorkerLoad]>([])
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in LargeStackThreads.shared.run {
        let start = CPUClock.thread
        var taken = 0
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < items.count else { break }
            let result = body(items[i])
            slots.withLock { $0[i] = result }
            taken += 1
        }
        let load = WorkerLoad(items: taken, cpuSeconds: CPUClock.thread - start)
        loads.withLock { $0.append(load) }
    } }
    return (slots.withLock { $0.map { $0! } }, loads.withLock { $0 })
}
