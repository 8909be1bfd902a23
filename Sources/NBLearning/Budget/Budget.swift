import Dispatch
import Synchronization

/// What one computation may spend: a deadline, a cancellation flag and an element limit. The cell
/// language builds one per cell and hands it to every library loop (solvers, clustering, PCA,
/// training, label propagation), which checks it once per iteration, so a cell past its timeout
/// stops inside the library instead of after it. Checking never changes what a loop computes.
///
/// A check with no deadline and no cancellation reads neither the clock nor the flag.
public struct Budget: Sendable {
    /// The largest number of elements one tensor may hold.
    public var maximumElements: Int
    /// `DispatchTime` uptime in nanoseconds after which work stops; `UInt64.max` for none.
    public var deadline: UInt64
    /// The timeout in seconds the deadline stands for (for messages).
    public var timeout: Double
    /// Set from another thread to stop the computation at its next check.
    public var cancellation: Cancellation?
    /// Where long loops report epoch k of N and their loss (a terminal's progress bar); nil for none.
    public var progress: (any ProgressSink)?

    /// The most iterations (`maxiter:`) or epochs any library loop accepts, whatever the deadline:
    /// with one or two recorded values per iteration the histories stay below 16 MB.
    public static let maximumIterations = 1_000_000

    /// No deadline, no cancellation, and the library's own tensor limit.
    public static let unlimited = Budget(maximumElements: Tensor<Double>.elementLimit)

    public init(maximumElements: Int, deadline: UInt64 = .max, timeout: Double = .infinity,
                cancellation: Cancellation? = nil, progress: (any ProgressSink)? = nil) {
        self.maximumElements = maximumElements
        self.deadline = deadline
        self.timeout = timeout
        self.cancellation = cancellation
        self.progress = progress
    }

    /// A budget whose deadline is `timeout` seconds from now (an infinite or huge timeout sets none).
    public init(maximumElements: Int, timeout: Double, cancellation: Cancellation? = nil,
                progress: (any ProgressSink)? = nil) {
        let nanoseconds = timeout * 1e9
        let deadline = nanoseconds.isFinite && nanoseconds < 1e18
            ? DispatchTime.now().uptimeNanoseconds &+ UInt64(Swift.max(0, nanoseconds)) : UInt64.max
        self.init(maximumElements: maximumElements, deadline: deadline, timeout: timeout, cancellation: cancellation,
                  progress: progress)
    }

    /// Throws once the deadline has passed or the computation was cancelled.
    @inline(__always)
    public func checkTime() throws(BudgetExceeded) {
        if let cancellation, cancellation.isCancelled { throw BudgetExceeded(.cancelled) }
        if deadline != .max, DispatchTime.now().uptimeNanoseconds > deadline {
            throw BudgetExceeded(.timeout(seconds: timeout))
        }
    }

    /// Throws when a tensor of `shape` would hold more than `maximumElements` (overflow included).
    public func checkElements(_ shape: [Int]) throws(BudgetExceeded) {
        if shape.contains(where: { $0 <= 0 }) { return }  // empty (negative extents are the caller's error)
        var total = 1
        for extent in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: extent)
            if overflow || product > maximumElements {
                throw BudgetExceeded(.elements(shape: shape, limit: maximumElements))
            }
            total = product
        }
    }

    /// Throws unless `0 ≤ count ≤ maximumIterations`; `argument` names the setting in the message
    /// (`"maxiter"`, `"epochs"`).
    public static func checkIterations(_ count: Int, argument: String) throws(BudgetExceeded) {
        guard (0...maximumIterations).contains(count) else {
            throw BudgetExceeded(.iterations(argument: argument, requested: count, limit: maximumIterations))
        }
    }
}

/// A flag another thread sets to stop a computation at its next budget check.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the computation to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// An error that may stand for a budget running out (APIs with a typed error wrap `BudgetExceeded`
/// in a case of their own), so a caller can tell a timeout from a failure of the computation.
public protocol BudgetStop: Error {
    /// The budget failure this error carries, if it is one.
    var budgetExceeded: BudgetExceeded? { get }
}

/// A computation that ran out of its `Budget`.
public struct BudgetExceeded: BudgetStop, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The deadline passed (`seconds`: the timeout it stood for).
        case timeout(seconds: Double)
        /// `Cancellation.cancel()` was called.
        case cancelled
        /// A tensor of `shape` would exceed `limit` elements.
        case elements(shape: [Int], limit: Int)
        /// An iteration or epoch count above `Budget.maximumIterations`.
        case iterations(argument: String, requested: Int, limit: Int)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var budgetExceeded: BudgetExceeded? { self }

    public var description: String {
        switch reason {
        case .timeout(let seconds): "the timeout of \(seconds) s has passed"
        case .cancelled: "the computation was cancelled"
        case let .elements(shape, limit): "a tensor of shape \(TensorError.format(shape)) is above the element limit of \(limit) elements"
        case let .iterations(argument, requested, limit): "\(argument): must be between 0 and \(limit), got \(requested)"
        }
    }
}
