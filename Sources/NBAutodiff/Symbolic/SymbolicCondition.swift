/// A condition on symbolic expressions: a comparison (`abs(x) < 1`), or conditions combined with
/// `&&`, `||` and `!`. It is what `if` sees when the symbolic interpretation cannot decide it,
/// and the first operand of a piecewise expression (`SymbolicExpression.piecewise`).
///
/// Built through the same simplifier as expressions: a condition on numbers is decided at once
/// (`truthValue`), and `true && c` is `c`.
public struct SymbolicCondition: Sendable {
    let node: ExpressionNode
    let interner: ExpressionInterner?

    init(_ node: ExpressionNode, interner: ExpressionInterner?) {
        self.node = node
        self.interner = interner
    }

    /// The condition that always holds (`true`) or never does.
    public init(_ value: Bool) {
        self.init(ExpressionNode(.number(value ? 1 : 0)), interner: nil)
    }

    /// `lhs comparison rhs`.
    public static func comparison(_ comparison: SymbolicComparison, _ lhs: SymbolicExpression,
                                  _ rhs: SymbolicExpression) -> SymbolicCondition {
        let interner = lhs.interner ?? rhs.interner
        return SymbolicCondition(ExpressionBuilder(interner: interner).compare(comparison, lhs.node, rhs.node), interner: interner)
    }

    /// Both conditions hold.
    public static func && (lhs: SymbolicCondition, rhs: SymbolicCondition) -> SymbolicCondition {
        let interner = lhs.interner ?? rhs.interner
        return SymbolicCondition(ExpressionBuilder(interner: interner).and(lhs.node, rhs.node), interner: interner)
    }

    /// Either condition holds.
    public static func || (lhs: SymbolicCondition, rhs: SymbolicCondition) -> SymbolicCondition {
        let interner = lhs.interner ?? rhs.interner
        return SymbolicCondition(ExpressionBuilder(interner: interner).or(lhs.node, rhs.node), interner: interner)
    }

    /// The condition does not hold.
    public static prefix func ! (operand: SymbolicCondition) -> SymbolicCondition {
        SymbolicCondition(ExpressionBuilder(interner: operand.interner).not(operand.node), interner: operand.interner)
    }

    /// True or false when the condition is decided (its operands are numbers); nil otherwise.
    public var truthValue: Bool? { node.constantValue.map { $0 != 0 } }

    /// LaTeX: `|x| < 1`, `x \ge 0 \text{ and } y \ne 1`.
    public var latex: String { LaTeXForm.condition(node) }
}

extension SymbolicCondition: CustomStringConvertible {
    /// The cell language's form: `abs(x) < 1 && x != 0`.
    public var description: String { TextForm.condition(node) }
}

extension SymbolicCondition: Hashable {
    /// Structural equality.
    public static func == (lhs: SymbolicCondition, rhs: SymbolicCondition) -> Bool {
        lhs.node.isStructurallyEqual(to: rhs.node)
    }

    /// Hashes the structure (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(node.structuralHash)
    }
}

extension SymbolicExpression {
    /// `if condition { then } else { otherwise }` as one expression (simplified: a decided
    /// condition picks its branch, equal branches are one). Its derivative is piecewise on the
    /// same condition; it is typeset as cases.
    public static func piecewise(_ condition: SymbolicCondition, _ then: SymbolicExpression,
                                 _ otherwise: SymbolicExpression) -> SymbolicExpression {
        let interner = condition.interner ?? then.interner ?? otherwise.interner
        let node = ExpressionBuilder(interner: interner).piecewise(condition.node, then.node, otherwise.node)
        return SymbolicExpression(node, interner: interner)
    }
}
