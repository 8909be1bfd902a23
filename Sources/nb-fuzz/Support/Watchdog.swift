import Foundation

/// Runs inputs on one long-lived worker thread (8 MB stack, like the main thread `nb` runs on)
/// and watches each run from the calling thread: too long is a hang, too much resident memory
/// growth is a memory finding. A crash takes the whole process down; the supervisor sees that.
final class Watchdog: @unchecked Sendable {
    enum Outcome {
        case finished(Violation?)
        case hang(seconds: Double)
        case memory(megabytes: Int)
    }

    private let lock = NSCondition()
    private var job: (@Sendable () -> Violation?)?
    private var result: Violation??
    private let maximumGrowthMB: Int

    init(maximumGrowthMB: Int) {
        self.maximumGrowthMB = maximumGrowthMB
        let thread = Thread { [unowned self] in self.serve() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func serve() {
        while true {
            lock.lock()
            while job == nil { lock.wait() }
            let work = job!
            job = nil
            lock.unlock()
            let violation = work()
            lock.lock()
            result = .some(violation)
            lock.broadcast()
            lock.unlock()
        }
    }

    /// Runs `work` on the worker thread; returns when it finishes or when a limit is exceeded
    /// (the worker is then still busy, and the process must end).
    func run(limitSeconds: Double, _ work: @escaping @Sendable () -> Violation?) -> Outcome {
        let baseline = Self.residentMB()
        let start = Date()
        lock.lock()
        result = nil
        job = work
        lock.broadcast()
        defer { lock.unlock() }
        while true {
            if let finished = result { return .finished(finished) }
            _ = lock.wait(until: Date().addingTimeInterval(0.05))
            if let finished = result { return .finished(finished) }
            let elapsed = Date().timeIntervalSince(start)
            if elapsed > limitSeconds { return .hang(seconds: elapsed) }
            let growth = Self.residentMB() - baseline
            if growth > maximumGrowthMB { return .memory(megabytes: growth) }
        }
    }

    /// Resident set size in MB, from /proc/self/statm (0 where that file does not exist).
    static func residentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 20)
    }
}
