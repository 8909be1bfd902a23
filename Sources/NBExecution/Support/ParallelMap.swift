import Dispatch
import Synchronization

/// Maps `items` on up to `jobs` threads, keeping the input order in the result (deterministic
/// output whatever the scheduling).
public func parallelMap<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ body: @Sendable (T) -> R) -> [R] {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 { return items.map(body) }
    let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < items.count else { return }
            let result = body(items[i])
            results.withLock { $0[i] = result }
        }
    }
    return results.withLock { slots in slots.map { $0! } }
}
