@testable import NBDocument

/// A diagnostic as tests state it: message, line and column (Unicode scalars).
struct LocatedMessage: Equatable, Sendable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int

    init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ diagnostic: Diagnostic) {
        self.init(message: diagnostic.message, line: diagnostic.location.line, column: diagnostic.location.column)
    }

    var description: String { "\(line):\(column): \(message)" }
}
