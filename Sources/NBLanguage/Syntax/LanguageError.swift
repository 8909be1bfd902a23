import NBDocument

/// A mistake in a cell, found while lexing, parsing or running it.
///
/// Locations are absolute positions in the Markdown file (the cell's origin is added by the lexer),
/// so every error can be reported as `file:line:col`.
public struct LanguageError: Error, Sendable, Equatable {
    /// What kind of mistake this is; used to phrase reports, never to decide control flow.
    public enum Kind: String, Sendable {
        /// The cell's text is not valid cell language.
        case syntax
        /// Running the cell failed (undefined name, wrong argument, failed assertion, …).
        case runtime
        /// A resource limit stopped the cell (timeout, tensor size, recursion depth, file access).
        case limit
    }

    public var kind: Kind
    public var message: String
    public var location: TextLocation
    /// What to do about it, if there is something useful to say.
    public var hint: String?
    /// The source line the error points at followed by a caret line, when known.
    public var excerpt: String?

    public init(_ kind: Kind, _ message: String, at location: TextLocation, hint: String? = nil, excerpt: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
        self.excerpt = excerpt
    }

    /// The error as the display contract's `CellError` (the one-line transcript form
    /// `error: MESSAGE (line L)` stays one line; hint and excerpt are kept apart).
    public var cellError: CellError {
        CellError(message: message, location: location, hint: hint, excerpt: excerpt)
    }
}
