/// A warning or error about a document, at a position in its source file.
///
/// Diagnostics are values: the pipeline collects them and the command line prints them as
/// `file:line:col: warning: message` (see `formatted(file:)`).
public struct Diagnostic: Sendable, Equatable, Hashable {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var message: String
    public var location: TextLocation

    public init(_ severity: Severity, _ message: String, at location: TextLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:col: severity: message`, the form compilers use and editors understand.
    public func formatted(file: String) -> String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}
