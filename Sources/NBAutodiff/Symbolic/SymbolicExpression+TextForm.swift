extension SymbolicExpression: CustomStringConvertible {
    /// The §5 text form with minimal parentheses: `3*x^2 + 2`, `-x^2`, `(x + 1)^2`,
    /// `x^(-1)`, `sin(x)*cos(y)`; numbers with up to 10 significant digits, integers without
    /// `.0`. Unary minus binds looser than `^` and tighter than `*`, as in the cell language.
    /// A piecewise expression is written as the cell language's `if`:
    /// `if abs(x) < 1 { x } else { sign(x) }` (in parentheses when it is an operand).
    public var description: String { TextForm.render(node) }
}

enum TextForm {
    static func render(_ node: ExpressionNode) -> String {
        switch node.operation {
        case let .constant(bits): return NumberFormatting.text(Double(bitPattern: bits))
        case let .variable(name): return name
        case .add: return infix(node, " + ", left: 1, right: 1)
        case .subtract: return infix(node, " - ", left: 1, right: 2)
        case .multiply: return infix(node, "*", left: 2, right: 2)
        case .divide: return infix(node, "/", left: 2, right: 3)
        case .power: return infix(node, "^", left: 5, right: 4)
        case .negate: return "-" + operand(node.children[0], minimum: 4, right: false)
        case .function, .maximum, .minimum, .sign, .step:
            let arguments = node.children.map(render).joined(separator: ", ")
            return "\(node.functionName ?? "")(\(arguments))"
        case .piecewise:
            let (cases, otherwise) = node.piecewiseCases
            let branches = cases.map { "if \(condition($0.condition)) { \(render($0.value)) }" }
            return branches.joined(separator: " else ") + " else { \(render(otherwise)) }"
        case .compare, .and, .or, .not:
            return condition(node)
        }
    }

    /// A condition: `abs(x) < 1`, `x > 0 && y > 0`, `!(x == 1)`.
    static func condition(_ node: ExpressionNode) -> String { conditions.write(node) }

    private static let conditions = ConditionNotation(
        comparison: { $0.rawValue }, and: " && ", or: " || ", not: "!", truth: { $0 ? "true" : "false" },
        parenthesised: { "(\($0))" }, operand: { operand($0, minimum: 1, right: false) })

    private static func infix(_ node: ExpressionNode, _ symbol: String, left: Int, right: Int) -> String {
        operand(node.children[0], minimum: left, right: false) + symbol
            + operand(node.children[1], minimum: right, right: true)
    }

    /// Parenthesises a child that binds looser than `minimum`, and a negative right operand.
    private static func operand(_ child: ExpressionNode, minimum: Int, right: Bool) -> String {
        let p = child.precedence
        let text = render(child)
        return p < minimum || (right && p == 3) ? "(\(text))" : text
    }
}
