/// Binding strength of a node when printed: 1 sum, 2 product, 3 unary minus, 4 power,
/// 5 atom (variable, non-negative number, function call); 0 for a piecewise expression and a
/// condition, which are parenthesised wherever they are an operand.
extension ExpressionNode {
    var precedence: Int {
        switch operation {
        case .piecewise, .compare, .and, .or, .not: return 0
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .negate: return 3
        case .power: return 4
        case let .constant(bits): return Double(bitPattern: bits) < 0 ? 3 : 5
        case .variable, .function, .maximum, .minimum, .sign, .step: return 5
        }
    }

    /// The function name used in every notation.
    var functionName: String? {
        switch operation {
        case let .function(f): return f.rawValue
        case .maximum: return "max"
        case .minimum: return "min"
        case .sign: return "sign"
        case .step: return "step"
        default: return nil
        }
    }

    /// Binding strength of a condition when printed: 1 `||`, 2 `&&`, 3 comparison, 4 `!` (and a
    /// folded constant).
    var conditionPrecedence: Int {
        switch operation {
        case .or: return 1
        case .and: return 2
        case .compare: return 3
        default: return 4
        }
    }

    /// The branches of a chain `if c₁ { a₁ } else if c₂ { a₂ } … else { b }`: the (condition,
    /// value) pairs in order and the final value (the node itself for one that is not piecewise).
    var piecewiseCases: (cases: [(condition: ExpressionNode, value: ExpressionNode)], otherwise: ExpressionNode) {
        var cases: [(condition: ExpressionNode, value: ExpressionNode)] = []
        var node = self
        while case .piecewise = node.operation {
            cases.append((node.children[0], node.children[1]))
            node = node.children[2]
        }
        return (cases, node)
    }
}

/// How a notation writes conditions: the text form and LaTeX differ only in their symbols.
struct ConditionNotation: Sendable {
    let comparison: @Sendable (SymbolicComparison) -> String
    let and: String, or: String, not: String
    let truth: @Sendable (Bool) -> String
    let parenthesised: @Sendable (String) -> String
    /// A number compared (written as the notation writes expressions).
    let operand: @Sendable (ExpressionNode) -> String

    /// The condition at `node`, with parentheses only where `&&` binds tighter than `||` would
    /// misread it and around the operand of a negation.
    func write(_ node: ExpressionNode) -> String {
        let c = node.children
        switch node.operation {
        case let .compare(k): return operand(c[0]) + " \(comparison(k)) " + operand(c[1])
        case .and: return child(c[0], 2) + and + child(c[1], 2)
        case .or: return child(c[0], 1) + or + child(c[1], 1)
        case .not: return not + child(c[0], 4)
        case let .constant(bits): return truth(Double(bitPattern: bits) != 0)
        default: return operand(node)
        }
    }

    private func child(_ node: ExpressionNode, _ minimum: Int) -> String {
        node.conditionPrecedence < minimum ? parenthesised(write(node)) : write(node)
    }
}
