import Foundation

/// Runs `body` on a new thread with a large stack and waits for it: encoding and decoding nested
/// values recurses once per level, deeper than a worker thread's default stack allows.
func onLargeStack<T>(_ body: () -> T) -> T {
    withoutActuallyEscaping(body) { body in
        let job = LargeStackJob(body)
        let thread = Thread { job.execute() }
        thread.stackSize = 64 << 20
        thread.start()
        job.done.wait()
        return job.result!
    }
}

/// Hands `body` to the thread and its result back; the caller blocks until it is done, so the
/// unchecked sendability is confined to this hand-over.
private final class LargeStackJob<T>: @unchecked Sendable {
    private var body: (() -> T)?
    let done = DispatchSemaphore(value: 0)
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func execute() {
        do {
            // Let go of the body before signalling: it must not outlive the caller's call.
            guard let body else { return }
            self.body = nil
            result = body()
        }
        done.signal()
    }
}
