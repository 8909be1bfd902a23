/// A symbolic expression: an immutable, hash-consed DAG of operations on named variables.
///
/// Evaluating a function body on `SymbolicExpression` values (it is a `DifferentiableScalar`)
/// yields the body's expression; `derivative(withRespectTo:)` differentiates it symbolically.
/// Every node goes through a predictable simplifier (see `ExpressionBuilder`); printing gives
/// the §5 text form (`description`), MathML (`mathML(display:)`) and LaTeX (`latex`).
public struct SymbolicExpression: Sendable {
    let node: ExpressionNode
    /// The hash-consing table shared by expressions built in one computation, if any.
    let interner: ExpressionInterner?

    init(_ node: ExpressionNode, interner: ExpressionInterner?) {
        self.node = node
        self.interner = interner
    }

    var builder: ExpressionBuilder { ExpressionBuilder(interner: interner) }

    /// The variable `name`.
    public static func variable(_ name: String) -> SymbolicExpression {
        SymbolicExpression(ExpressionNode(.variable(name)), interner: nil)
    }

    /// The number `value`.
    public static func constant(_ value: Double) -> SymbolicExpression {
        SymbolicExpression(ExpressionNode(.number(value)), interner: nil)
    }

    /// The value when the expression is a plain number.
    public var constantValue: Double? { node.constantValue }

    /// The names of the variables that occur, sorted.
    public var variables: [String] {
        var names = Set<String>()
        for n in node.topologicalOrder() { if case let .variable(name) = n.operation { names.insert(name) } }
        return names.sorted()
    }

    /// The number of distinct nodes (the size as a DAG: shared subexpressions count once).
    public var nodeCount: Int { node.topologicalOrder().count }

    /// The number of nodes when every shared subexpression is written out (the size as a
    /// tree); saturates at `Int.max`.
    public var treeNodeCount: Int {
        var size = [ObjectIdentifier: Int]()
        for n in node.topologicalOrder() {
            var total = 1
            for child in n.children {
                let (sum, overflow) = total.addingReportingOverflow(size[ObjectIdentifier(child)] ?? 0)
                total = overflow ? Int.max : sum
            }
            size[ObjectIdentifier(n)] = total
        }
        return size[ObjectIdentifier(node)] ?? 1
    }

    /// The same expression with every structurally equal subexpression merged into one node
    /// (and re-simplified), detached from any interner.
    public func hashConsed() -> SymbolicExpression {
        let interner = ExpressionInterner()
        return SymbolicExpression(ExpressionBuilder(interner: interner).rebuild(node), interner: nil)
    }

    /// True when both expressions have the same structure (not: are mathematically equal).
    public func isStructurallyEqual(to other: SymbolicExpression) -> Bool {
        node.isStructurallyEqual(to: other.node)
    }
}

extension SymbolicExpression: Hashable {
    /// Structural equality.
    public static func == (lhs: SymbolicExpression, rhs: SymbolicExpression) -> Bool {
        lhs.isStructurallyEqual(to: rhs)
    }

    /// Hashes the structure (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(node.structuralHash)
    }
}
