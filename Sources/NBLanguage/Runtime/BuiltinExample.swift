/// An example of a builtin in the language reference: a cell that `nb test` runs, and the
/// transcript it must print.
public struct BuiltinExample: Sendable {
    /// The cell's id (unique in the reference).
    public let id: String
    /// The cell's source.
    public let source: String
    /// The expected transcript; nil when the cell displays nothing.
    public let output: String?
    /// Extra cell options (`error=true`).
    public let options: String

    public init(_ id: String, _ source: String, output: String? = nil, options: String = "") {
        self.id = id; self.source = source; self.output = output; self.options = options
    }
}
