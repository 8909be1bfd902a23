/// One `@type{key, field = value, …}` entry of a BibTeX file, with macros expanded and `#`
/// concatenations joined. Field names are lowercased; values keep their LaTeX (see `LaTeXText`).
public struct BibTeXEntry: Sendable, Equatable {
    /// Entry type, lowercased (`article`, `book`, `inproceedings`, `misc`, `online`, …).
    public var type: String
    /// Citation key, as written.
    public var key: String
    /// Fields by lowercased name.
    public var fields: [String: String]
    /// 1-based line of the `@` that starts the entry.
    public var line: Int

    public init(type: String, key: String, fields: [String: String], line: Int) {
        self.type = type; self.key = key; self.fields = fields; self.line = line
    }
}

/// A problem found in a bibliography source (BibTeX or front matter), with its position.
public struct BibliographyDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public init(message: String, line: Int, column: Int = 1) {
        self.message = message; self.line = line; self.column = column
    }
    public var description: String { "\(line):\(column): warning: \(message)" }
}
