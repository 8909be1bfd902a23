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

    /// The formula as a MathML `<math>` element: `f′(x) = …` (the engine renders the body).
    public var mathML: String {
        let body = function.expression.mathML()
        let marker = "<semantics><mrow>"
        guard !function.name.isEmpty, let range = body.range(of: marker) else { return body }
        var head = "<mi>\(Self.escape(function.name))</mi><mo>(</mo>"
        head += parameters.map { "<mi>\(Self.escape($0))</mi>" }.joined(separator: "<mo>,</mo>")
        head += "<mo>)</mo><mo>=</mo>"
        return body.replacingCharacters(in: range, with: marker + head)
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
