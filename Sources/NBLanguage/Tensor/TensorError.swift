/// Why a tensor operation was refused; turned into a located `LanguageError` by the interpreter.
public struct TensorError: Error, Sendable, Equatable {
    public var message: String
    public var isLimit: Bool
    public init(_ message: String, isLimit: Bool = false) { self.message = message; self.isLimit = isLimit }
}

/// The element budget: every allocation is checked before it happens.
public struct ElementLimit: Sendable {
    public var maximum: Int
    public init(_ maximum: Int) { self.maximum = maximum }

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
