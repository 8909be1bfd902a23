/// A document that cannot be read: the file is missing or not a file, or its front matter is
/// unterminated or not valid YAML. The command line reports it and exits with status 2.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case unreadable
        case unterminatedFrontMatter
        case malformedFrontMatter
    }

    public var kind: Kind
    /// What is wrong, in one sentence.
    public var message: String
    /// Where (1-based); `nil` when the file itself could not be read.
    public var location: TextLocation?
    /// What to do about it.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, at location: TextLocation? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The error as a diagnostic (line 0 when the file itself could not be read).
    public var diagnostic: Diagnostic {
        Diagnostic(.error, message, at: location ?? TextLocation(line: 0, column: 0), hint: hint)
    }

    /// `file:line:col: error: message` (plus the hint on its own line when there is one), without
    /// the source excerpt (``DiagnosticFormatter`` adds that where the file is at hand).
    public func formatted(file: String) -> String {
        DiagnosticFormatter().format(diagnostic, file: file, sourceLine: nil)
    }

    public var description: String { formatted(file: "<input>") }
}
