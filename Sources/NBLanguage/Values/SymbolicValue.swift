import NBAutodiff

/// A symbolic function (the result of `derivative(f)`): displayed as a formula and callable on
/// numbers, dual numbers and inside other differentiated functions.
public struct SymbolicValue: Sendable {
    /// The engine's function: expression, parameters, name (`f'`, `∂g/∂y`; empty when anonymous).
    public var function: SymbolicFunction

    public init(_ function: SymbolicFunction) { self.function = function }

    /// The name used in messages.
    public var name: String { function.name.isEmpty ? "λ" : function.name }
    public var parameters: [String] { function.parameterNames }
    /// The body as plain text (`3*x^2 + 2`).
    public var text: String { function.expression.description }

    /// `f'(x) = 3*x^2 + 2`; an anonymous function shows as a lambda `x -> 2*x`.
    public var formula: String {
        if function.name.isEmpty {
            let head = parameters.count == 1 ? parameters[0] : "(" + parameters.joined(separator: ", ") + ")"
            return "\(head) -> \(text)"
        }
        return function.description
    }

    /// The formula as TeX: `f'(x) = 3 x^{2} + 2`, typeset by the renderer.
    public var tex: String { function.latex }
}
