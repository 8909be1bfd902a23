/// A warning or error about a document, at a position in its source file.
///
/// Producers record *where* as a byte span (`span`, UTF-8 offsets into the text the diagnostic is
/// about); the line and column are worked out once, from the whole batch, by
/// ``SourceText/locate(_:)``, so many diagnostics on one long line cost one pass over it.
///
/// **Column convention.** Every diagnostic's ``location`` is 1-based, and its column counts Unicode
/// scalars from the start of the line (as editors count characters), not UTF-8 bytes: a warning
/// after three CJK characters is at column 4, not 10. libcmark's byte columns and the math
/// converter's byte offsets are converted before they reach a diagnostic.
///
/// Diagnostics are values: the pipeline collects them and the command line prints them as
/// `file:line:col: warning: message` (see `formatted(file:)`).
public struct Diagnostic: Sendable, Equatable, Hashable {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var message: String
    /// UTF-8 byte offsets into the text the diagnostic is about: the source file for a
    /// ``Document``'s diagnostics, the TeX for ``MathML/render(_:display:)``'s. `nil` only for
    /// diagnostics made from a line and column alone (``init(_:_:at:)``).
    public var span: Range<Int>?
    /// Where `span` starts: 1-based line and column, the column in Unicode scalars. Line 0 stands
    /// for the file as a whole (a file that cannot be read).
    public var location: TextLocation
    /// What to do about it, when something useful can be said (printed as `hint: …`).
    public var hint: String?

    /// A diagnostic whose position is known only as a line and column.
    public init(_ severity: Severity, _ message: String, at location: TextLocation, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.span = nil
        self.location = location
        self.hint = hint
    }

    /// A diagnostic at a byte span of `text`, located at once (for a single diagnostic; batches go
    /// through ``SourceText/locate(_:)``).
    public init(_ severity: Severity, _ message: String, span: Range<Int>, in text: SourceText) {
        self.init(severity, message, span: span)
        location = text.location(ofByte: span.lowerBound)
    }

    /// A diagnostic at a byte span, not yet located: ``SourceText/locate(_:)`` fills in `location`.
    init(_ severity: Severity, _ message: String, span: Range<Int>) {
        self.severity = severity
        self.message = message
        self.span = span
        self.location = TextLocation(line: 0, column: 0)
    }

    /// The same diagnostic with its span moved by `distance` bytes (from a piece of text, such as
    /// a formula's TeX, to the file it sits in).
    func shifted(by distance: Int) -> Diagnostic {
        var moved = self
        moved.span = span.map { ($0.lowerBound + distance)..<($0.upperBound + distance) }
        return moved
    }

    /// `file:line:col: severity: message`, the form compilers use and editors understand (the
    /// first line of ``DiagnosticFormatter``'s report).
    public func formatted(file: String) -> String {
        let position = location.line > 0 ? "\(file):\(location.line):\(location.column)" : file
        return "\(position): \(severity.rawValue): \(message)"
    }
}
