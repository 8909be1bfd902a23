import Dispatch

/// Why a tensor operation was refused; turned into a located `LanguageError` by the interpreter.
public struct TensorError: Error, Sendable, Equatable {
    public var message: String
    public var isLimit: Bool
    public init(_ message: String, isLimit: Bool = false) { self.message = message; self.isLimit = isLimit }
}

/// The element budget: every allocation is checked before it happens. It also carries the cell's
/// deadline, so long tensor loops (matrix products) can stop at the timeout.
public struct ElementLimit: Sendable {
    public var maximum: Int
    /// `DispatchTime` uptime in nanoseconds after which work stops; `UInt64.max` for none.
    public var deadline: UInt64
    /// The timeout in seconds, for the message.
    public var timeout: Double

    public init(_ maximum: Int, deadline: UInt64 = .max, timeout: Double = .infinity) {
        self.maximum = maximum
        self.deadline = deadline
        self.timeout = timeout
    }

    /// Throws once the deadline has passed.
    public func checkDeadline() throws(TensorError) {
        if deadline != .max, DispatchTime.now().uptimeNanoseconds > deadline {
            throw TensorError("the cell ran past its timeout of \(NumberFormat.format(timeout)) s", isLimit: true)
        }
    }

    /// Throws when a tensor of `shape` would exceed the limit (or the shape is invalid).
    public func check(_ shape: [Int]) throws(TensorError) {
        var total = 1
        for extent in shape {
            if extent < 0 { throw TensorError("negative dimension \(extent)") }
            let (product, overflow) = total.multipliedReportingOverflow(by: extent)
            if overflow || product > maximum {
                throw TensorError("a tensor of shape \(TensorValue.describe(shape)) is above the element limit of \(maximum) elements", isLimit: true)
            }
            total = product
        }
    }
}

extension TensorValue {
    /// `[2, 3]` → `(2, 3)`.
    public static func describe(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}
