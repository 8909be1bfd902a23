import NBDocument

/// A cell's failure: what went wrong, where, and what to do about it.
public struct CellError: Error, Sendable, Equatable {
    public var message: String
    /// Where in the Markdown file (for `file:line:col` reports and the page).
    public var location: TextLocation
    /// The 1-based line within the cell that failed (its first source line is 1): the line the
    /// transcript quotes, so that editing prose above a cell never changes its transcript. For an
    /// error inside a function defined in another cell, the line of this cell's statement that
    /// called it.
    public var cellLine: Int
    /// A hint for the user ("did you mean …", "add seed: …"), if any.
    public var hint: String?
    /// The source line the error points at and a caret line under its column (syntax errors), for
    /// the page; a terminal diagnostic draws its own from the file.
    public var excerpt: String?
    /// `cellLine` defaults to `location.line` (a cell that starts on the file's first line).
    public init(message: String, location: TextLocation, cellLine: Int? = nil, hint: String? = nil, excerpt: String? = nil) {
        self.message = message; self.location = location; self.cellLine = cellLine ?? location.line; self.hint = hint
        self.excerpt = excerpt
    }
    /// The hint followed by the excerpt, as the page shows them.
    public var details: String? {
        let parts = [hint, excerpt].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }
    /// The text form: `error: MESSAGE (line L)`, L counted from the cell's first line.
    public var transcript: String { "error: \(message) (line \(cellLine))" }
}

/// One check a cell performed (`assert`, `gradtable`, `gradcheck`), for `nb test` (SPEC §6).
public struct CheckRecord: Sendable, Equatable {
    public enum Kind: String, Sendable { case assertion, gradtable, gradcheck }
    public var kind: Kind
    public var passed: Bool
    public var message: String
    public var location: TextLocation
    public init(kind: Kind, passed: Bool, message: String, location: TextLocation) {
        self.kind = kind; self.passed = passed; self.message = message; self.location = location
    }
}

/// Everything running one cell produced.
public struct CellOutcome: Sendable, Equatable {
    /// Displayed items in order (print output, values, tables, plots).
    public var items: [DisplayItem]
    /// The error that stopped the cell, if any (shown after the items).
    public var error: CellError?
    /// Checks performed, passed or not.
    public var checks: [CheckRecord]
    /// Data files the cell read (paths relative to the notebook's folder), for the cache key.
    public var filesRead: [String]

    public init(items: [DisplayItem] = [], error: CellError? = nil, checks: [CheckRecord] = [], filesRead: [String] = []) {
        self.items = items; self.error = error; self.checks = checks; self.filesRead = filesRead
    }
}
