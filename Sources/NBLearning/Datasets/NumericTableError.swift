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
    /// Malformed text, or more numbers than the reader allows.
    public let kind: Kind

    public enum Kind: Sendable, Equatable {
        case malformed
        case tooLarge
    }

    public init(source: String, line: Int, column: Int, message: String, kind: Kind = .malformed) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    public var description: String { "\(source):\(line):\(column): \(message)" }
}
