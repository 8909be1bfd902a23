import NBLearning

/// Why a tensor operation was refused; turned into a located `LanguageError` by the interpreter.
public struct TensorError: Error, Sendable, Equatable {
    public var message: String
    public var isLimit: Bool
    public init(_ message: String, isLimit: Bool = false) { self.message = message; self.isLimit = isLimit }
}

extension Budget {
    /// The message of a cell that ran past its timeout.
    static func timeoutMessage(_ seconds: Double) -> String {
        "the cell ran past its timeout of \(NumberFormat.format(seconds)) s"
    }

    /// The cell-language wording of a budget failure.
    static func message(_ exceeded: BudgetExceeded) -> String {
        switch exceeded.reason {
        case .timeout(let seconds): timeoutMessage(seconds)
        case .cancelled: "the cell was cancelled"
        case let .elements(shape, limit): "a tensor of shape \(TensorValue.describe(shape)) is above the element limit of \(limit) elements"
        case .iterations: exceeded.description
        }
    }

    /// Throws once the deadline has passed (or the cell was cancelled).
    public func checkDeadline() throws(TensorError) {
        do { try checkTime() } catch { throw TensorError(Budget.message(error), isLimit: true) }
    }

    /// Throws when a tensor of `shape` would exceed the limit (or the shape is invalid).
    public func check(_ shape: [Int]) throws(TensorError) {
        if let extent = shape.first(where: { $0 < 0 }) { throw TensorError("negative dimension \(extent)") }
        do { try checkElements(shape) } catch { throw TensorError(Budget.message(error), isLimit: true) }
    }
}

extension TensorValue {
    /// `[2, 3]` → `(2, 3)`.
    public static func describe(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}
