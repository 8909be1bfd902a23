import NBAutodiff

/// A builtin function of the cell language, declared once: its name, its parameters (each with a
/// kind, a default, optional and variadic markers), a one-line summary, its section of the
/// reference, a discussion and examples. Argument checking (`BuiltinCall(checking:…)`), the usage
/// line of error hints and the language reference (`LanguageReference`) all come from it.
///
/// Immutable and shared by reference: a builtin used as a value (`sin` read in a loop) is one
/// pointer to copy, not a dozen fields.
public final class Builtin: Sendable {
    /// The name cells call it by.
    public let name: String
    /// Where the reference lists it.
    public let section: BuiltinSection
    /// What it does, in one line (Markdown).
    public let summary: String
    /// The unlabelled parameters of each accepted form (most builtins have one form;
    /// `min(a, b)` or `min(t)` have two). A call uses the first form its arguments fit.
    public let forms: [[BuiltinParameter]]
    /// The labelled parameters, shared by every form.
    public let options: [BuiltinParameter]
    /// More about it, for the reference (Markdown paragraphs; may be empty).
    public let discussion: String
    /// Cells the reference shows and `nb test` runs.
    public let examples: [BuiltinExample]
    let body: @Sendable (BuiltinCall) throws(LanguageError) -> Value
    /// The elementary function this builtin applies (`sin`, `exp`, …), found once by name so that
    /// a call in a loop goes straight to it.
    let elementary: ElementaryFunction?

    /// Declares a builtin. `parameters` lists the unlabelled parameters of the first form and
    /// every labelled one; `alternatives` lists the unlabelled parameters of further forms.
    public init(_ name: String, _ section: BuiltinSection, summary: String,
                parameters: [BuiltinParameter] = [], alternatives: [[BuiltinParameter]] = [],
                discussion: String = "", examples: [BuiltinExample],
                _ body: @escaping @Sendable (BuiltinCall) throws(LanguageError) -> Value) {
        self.name = name
        self.section = section
        self.summary = summary
        self.forms = [parameters.filter { !$0.isLabelled }] + alternatives
        self.options = parameters.filter(\.isLabelled)
        self.discussion = discussion
        self.examples = examples
        self.body = body
        self.elementary = ElementaryFunction(rawValue: name)
    }

    /// The expected form, shown in error hints and the reference:
    /// `numgrad(f, at, h: auto, scheme: "central")`; forms are joined by `or`.
    public var usage: String {
        forms.enumerated().map { index, form in
            let labelled = index == 0 ? options.map(\.usageForm) : (options.isEmpty ? [] : ["…"])
            return "\(name)(" + (form.map(\.usageForm) + labelled).joined(separator: ", ") + ")"
        }.joined(separator: " or ")
    }

    /// The labelled parameter called `label`, if declared.
    public func option(_ label: String) -> BuiltinParameter? { options.first { $0.name == label } }
}

/// A named constant (`pi`, `e`), declared with its summary and an example for the reference.
public struct BuiltinConstant: Sendable {
    public let name: String
    public let value: Double
    public let summary: String
    public let example: BuiltinExample

    public init(_ name: String, _ value: Double, summary: String, example: BuiltinExample) {
        self.name = name; self.value = value; self.summary = summary; self.example = example
    }
}
