/// Why a numeric table could not be read, with the position (1-based line and column) of the problem.
public struct NumericTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or a description of the text) being read.
    public let source: String
    /// The 1-based line.
    public let line: Int
    /// The 1-based column (in characters).
    public let column: Int
    /// What is wrong, in words.
    public let message: String

    public var description: String { "\(source):\(line):\(column): \(message)" }
}
