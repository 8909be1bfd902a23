extension SymbolicExpression {
    /// LaTeX: `3 x^{2} + 2`, `\frac{1}{x}`, `\sin(x)`, `\sqrt{x}`, `|x|`,
    /// `\operatorname{sigmoid}(x)`. Brackets grow (`\left(`) only around a fraction, as a
    /// typesetter would write them by hand.
    public var latex: String { LaTeXForm.render(node) }
}

enum LaTeXForm {
    private static let builtins: Set<String> = ["sin", "cos", "tan", "exp", "log", "tanh", "max", "min"]

    static func escapeName(_ name: String) -> String {
        let greek: [Character: String] = [
            "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon",
            "θ": "\\theta", "λ": "\\lambda", "μ": "\\mu", "σ": "\\sigma", "τ": "\\tau",
            "φ": "\\varphi", "ω": "\\omega", "π": "\\pi",
        ]
        var out = ""
        for c in name {
            if let g = greek[c] { out += g + " " }
            else if c == "_" { out += "\\_" }
            else { out.append(c) }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return name.count > 1 ? "\\mathit{\(out)}" : out
    }

    /// A function's display name: `f`, `f'`, or `∂f/∂y` as `\frac{\partial f}{\partial y}`.
    static func functionName(_ name: String) -> String {
        var primes = ""
        var base = Substring(name)
        while base.last == "'" {
            primes += "'"
            base = base.dropLast()
        }
        if base.hasPrefix("∂"), let slash = base.firstIndex(of: "/") {
            let numerator = base[base.index(after: base.startIndex)..<slash]
            let denominator = base[base.index(after: slash)...].drop { $0 == "∂" }
            return "\\frac{\\partial \(escapeName(String(numerator)))}{\\partial \(escapeName(String(denominator)))}" + primes
        }
        return escapeName(String(base)) + primes
    }

    /// `(content)`, with `\left(`/`\right)` only when the content holds a fraction or cases.
    static func parenthesised(_ content: String, open: String = "(", close: String = ")") -> String {
        content.contains("\\frac") || content.contains("\\begin") ? "\\left\(open)\(content)\\right\(close)" : "\(open)\(content)\(close)"
    }

    static func render(_ node: ExpressionNode) -> String {
        let c = node.children
        switch node.operation {
        case let .constant(bits): return NumberFormatting.text(Double(bitPattern: bits)).replacingOccurrences(of: "inf", with: "\\infty")
        case let .variable(name): return escapeName(name)
        case .add: return operand(c[0], 1) + " + " + operand(c[1], 1, right: true)
        case .subtract: return operand(c[0], 1) + " - " + operand(c[1], 2, right: true)
        case .multiply:
            let times = c[0].constantValue != nil && c[1].constantValue == nil ? " " : " \\cdot "
            return operand(c[0], 2) + times + operand(c[1], 2, right: true)
        case .divide: return "\\frac{\(render(c[0]))}{\(render(c[1]))}"
        case .power:
            let base = c[0].precedence < 5 || c[0].operation == .divide ? parenthesised(render(c[0])) : render(c[0])
            return "\(base)^{\(render(c[1]))}"
        case .negate: return "-" + operand(c[0], 4)
        case .function(.sqrt): return "\\sqrt{\(render(c[0]))}"
        case .function(.abs): return parenthesised(render(c[0]), open: "|", close: "|")
        case .function, .maximum, .minimum, .sign, .step:
            let name = node.functionName ?? ""
            let head = builtins.contains(name) ? "\\\(name)" : "\\operatorname{\(name)}"
            return head + parenthesised(c.map(render).joined(separator: ", "))
        case .piecewise:
            let (cases, otherwise) = node.piecewiseCases
            let rows = cases.map { "\(render($0.value)) & \\text{if } \(condition($0.condition))" }
                + ["\(render(otherwise)) & \\text{otherwise}"]
            return "\\begin{cases} " + rows.joined(separator: " \\\\ ") + " \\end{cases}"
        case .compare, .and, .or, .not:
            return condition(node)
        }
    }

    /// A condition: `|x| < 1`, `x \ge 0 \text{ and } y \ne 1`, `\neg (x < 1)`.
    static func condition(_ node: ExpressionNode) -> String { conditions.write(node) }

    private static let conditions = ConditionNotation(
        comparison: { ["<=": "\\le", ">=": "\\ge", "==": "=", "!=": "\\ne"][$0.rawValue] ?? $0.rawValue },
        and: " \\text{ and } ", or: " \\text{ or } ", not: "\\neg ", truth: { $0 ? "\\text{true}" : "\\text{false}" },
        parenthesised: { parenthesised($0) }, operand: { operand($0, 1) })

    private static func operand(_ child: ExpressionNode, _ minimum: Int, right: Bool = false) -> String {
        let p = child.operation == .divide ? 5 : child.precedence
        return p < minimum || (right && p == 3) ? parenthesised(render(child)) : render(child)
    }
}

import Foundation
