import NBAutodiff

/// A symbolic function (the result of `derivative(f)`): displayed as a formula and callable.
public struct SymbolicValue: @unchecked Sendable {
    /// Display name, for example `f'` or `∂g/∂y`.
    public var name: String
    public var parameters: [String]
    /// Plain-text formula of the body, for example `3*x^2 + 2`.
    public var text: String
    /// The body as a MathML `<math>` element.
    public var mathML: String
    /// Evaluates the formula (on any scalar interpretation, so it can be differentiated again).
    public var function: any ScalarFunction

    public init(name: String, parameters: [String], text: String, mathML: String, function: any ScalarFunction) {
        self.name = name; self.parameters = parameters; self.text = text; self.mathML = mathML; self.function = function
    }

    /// `f'(x) = 3*x^2 + 2`
    public var formula: String { "\(name)(\(parameters.joined(separator: ", "))) = \(text)" }
}
