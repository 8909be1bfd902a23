extension SymbolicExpression {
    /// The simplified, hash-consed derivative with respect to the variable `name`.
    ///
    /// One rule per operation, applied once per DAG node (memoised), so shared subexpressions
    /// of `f` stay shared in `f′`. Kinks: `abs′ = sign`, `relu′ = step` (step(0) = 0),
    /// `∂max(u, v) = (1 − step(v − u))·u′ + step(v − u)·v′` (ties follow `u`), likewise min.
    /// A piecewise expression differentiates branch by branch under the same conditions (the
    /// derivative at a boundary is the one of the branch that holds there).
    public func derivative(withRespectTo name: String) -> SymbolicExpression {
        let interner = ExpressionInterner()
        let b = ExpressionBuilder(interner: interner)
        let root = b.rebuild(node)
        var d = [ObjectIdentifier: ExpressionNode]()
        let zero = b.constant(0)
        for n in root.topologicalOrder() {
            let c = n.children
            let dc = c.map { d[ObjectIdentifier($0)] ?? zero }
            let result: ExpressionNode
            switch n.operation {
            case .constant, .sign, .step, .compare, .and, .or, .not:
                result = zero
            case .piecewise:
                result = b.piecewise(c[0], dc[1], dc[2])
            case let .variable(v):
                result = b.constant(v == name ? 1 : 0)
            case .add:
                result = b.add(dc[0], dc[1])
            case .subtract:
                result = b.subtract(dc[0], dc[1])
            case .negate:
                result = b.negate(dc[0])
            case .multiply:
                result = b.add(b.multiply(dc[0], c[1]), b.multiply(c[0], dc[1]))
            case .divide:
                if dc[1].isConstant(0) {
                    result = b.divide(dc[0], c[1])
                } else {
                    let numerator = b.subtract(b.multiply(dc[0], c[1]), b.multiply(c[0], dc[1]))
                    result = b.divide(numerator, b.power(c[1], b.constant(2)))
                }
            case .power:
                var terms = zero
                if !dc[0].isConstant(0) {
                    let reduced = b.power(c[0], b.subtract(c[1], b.constant(1)))
                    terms = b.multiply(b.multiply(c[1], reduced), dc[0])
                }
                if !dc[1].isConstant(0) {
                    terms = b.add(terms, b.multiply(b.multiply(n, b.function(.log, c[0])), dc[1]))
                }
                result = terms
            case let .function(f):
                if dc[0].isConstant(0) {
                    result = zero
                } else {
                    let u = SymbolicExpression(c[0], interner: interner)
                    let fu = SymbolicExpression(n, interner: interner)
                    result = b.multiply(f.derivative(at: u, value: fu).node, dc[0])
                }
            case .maximum, .minimum:
                if dc[0].isConstant(0), dc[1].isConstant(0) {
                    result = zero
                } else {
                    let isMax = n.operation == .maximum
                    let takeRight = b.step(isMax ? b.subtract(c[1], c[0]) : b.subtract(c[0], c[1]))
                    result = b.add(b.multiply(b.subtract(b.constant(1), takeRight), dc[0]),
                                   b.multiply(takeRight, dc[1]))
                }
            }
            d[ObjectIdentifier(n)] = result
        }
        return SymbolicExpression(d[ObjectIdentifier(root)] ?? zero, interner: nil)
    }
}
