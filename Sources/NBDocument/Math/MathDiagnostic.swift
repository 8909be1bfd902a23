/// A problem found while scanning or converting math. Never fatal: the formula is still rendered
/// (an unknown command shows as a visible error inside it) or left as text.
///
/// Positions are 1-based. Columns count UTF-8 bytes, like libcmark's source positions.
/// For ``MathScanner/scan(_:)`` they are positions in the Markdown; for ``MathML/render(_:display:)``
/// they are positions in the TeX string (see ``MathSpan/locate(_:)`` to map them back).
public struct MathDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}
