/// Smart constructors: every node of a symbolic expression is built here, through a small,
/// predictable simplifier (not a CAS). The rules, applied once at construction:
/// - constant folding of every operation on constants (IEEE: `log(-1)` folds to nan);
/// - neutral and absorbing elements: `x + 0`, `x - 0`, `0 - x → -x`, `1*x`, `-1*x → -x`,
///   `0*x → 0`, `x/1`, `0/x → 0`, `x^1`, `x^0 → 1`, `1^x → 1`, `0^c → 0` for c > 0
///   (`0*x → 0` and `0/x → 0` hold for finite x only — the usual symbolic convention);
/// - like terms: `a·t ± b·t → (a ± b)·t`, `t - t → 0`, `t/t → 1`,
///   `t^a · t^b → t^(a+b)` for constant exponents (so `x*x → x^2`), `(t^a)^b → t^(ab)` for
///   integer a, b;
/// - constants move left in products (`x*3 → 3*x`) and right in sums (`2 + x → x + 2`), and
///   `c1*(c2*t) → (c1 c2)*t`;
/// - signs: `-(-x) → x`, `-(a - b) → b - a`, `-(c*t) → (-c)*t`, `a + (-b) → a - b`,
///   `a - (-b) → a + b`, negations move out of products and quotients;
/// - conditions: comparisons of numbers fold to true or false (the constants 1 and 0), and so do
///   `&&`, `||` and `!` with a known operand (`true && c → c`, `c || c → c`, `!!c → c`);
/// - piecewise: a known condition picks its branch, equal branches are one expression,
///   `if !c { a } else { b } → if c { b } else { a }`, and a branch that is itself piecewise on
///   the same condition keeps only its own side.
/// With an interner the result is hash-consed.
struct ExpressionBuilder: Sendable {
    let interner: ExpressionInterner?

    func make(_ operation: ExpressionOperation, _ children: [ExpressionNode] = []) -> ExpressionNode {
        interner?.node(operation, children) ?? ExpressionNode(operation, children)
    }

    func constant(_ value: Double) -> ExpressionNode { make(.number(value)) }

    func variable(_ name: String) -> ExpressionNode { make(.variable(name)) }

    /// Rebuilds `operation(children)` through the simplifier.
    func apply(_ operation: ExpressionOperation, _ c: [ExpressionNode]) -> ExpressionNode {
        switch operation {
        case .constant, .variable: return make(operation)
        case .add: return add(c[0], c[1])
        case .subtract: return subtract(c[0], c[1])
        case .multiply: return multiply(c[0], c[1])
        case .divide: return divide(c[0], c[1])
        case .negate: return negate(c[0])
        case .power: return power(c[0], c[1])
        case let .function(f): return function(f, c[0])
        case .maximum: return maximum(c[0], c[1])
        case .minimum: return minimum(c[0], c[1])
        case .sign: return sign(c[0])
        case .step: return step(c[0])
        case let .compare(comparison): return compare(comparison, c[0], c[1])
        case .and: return and(c[0], c[1])
        case .or: return or(c[0], c[1])
        case .not: return not(c[0])
        case .piecewise: return piecewise(c[0], c[1], c[2])
        }
    }

    /// Splits `c*t` into (c, t); `-t` into (-1, t); anything else into (1, t).
    private func coefficientAndTerm(_ node: ExpressionNode) -> (Double, ExpressionNode) {
        if case .multiply = node.operation, let c = node.children[0].constantValue {
            return (c, node.children[1])
        }
        if case .negate = node.operation {
            let (c, t) = coefficientAndTerm(node.children[0])
            return (-c, t)
        }
        return (1, node)
    }

    /// Splits `t^c` (c constant) into (t, c); anything else into (t, 1).
    private func baseAndExponent(_ node: ExpressionNode) -> (ExpressionNode, Double) {
        if case .power = node.operation, let c = node.children[1].constantValue { return (node.children[0], c) }
        return (node, 1)
    }

    func add(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(x + y) }
        if a.isConstant(0) { return b }
        if b.isConstant(0) { return a }
        if let y = b.constantValue, y < 0 { return subtract(a, constant(-y)) }
        if case .negate = b.operation { return subtract(a, b.children[0]) }
        if case .negate = a.operation { return subtract(b, a.children[0]) }
        let (ca, ta) = coefficientAndTerm(a), (cb, tb) = coefficientAndTerm(b)
        if ta.isStructurallyEqual(to: tb) { return multiply(constant(ca + cb), ta) }
        if a.constantValue != nil { return make(.add, [b, a]) }
        return make(.add, [a, b])
    }

    func subtract(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(x - y) }
        if b.isConstant(0) { return a }
        if a.isConstant(0) { return negate(b) }
        if let y = b.constantValue, y < 0 { return add(a, constant(-y)) }
        if case .negate = b.operation { return add(a, b.children[0]) }
        let (ca, ta) = coefficientAndTerm(a), (cb, tb) = coefficientAndTerm(b)
        if ta.isStructurallyEqual(to: tb) { return multiply(constant(ca - cb), ta) }
        return make(.subtract, [a, b])
    }

    func multiply(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(x * y) }
        if a.isConstant(0) || b.isConstant(0) { return constant(0) }
        if a.isConstant(1) { return b }
        if b.isConstant(1) { return a }
        if a.isConstant(-1) { return negate(b) }
        if b.isConstant(-1) { return negate(a) }
        if b.constantValue != nil { return multiply(b, a) }
        if case .negate = a.operation { return negate(multiply(a.children[0], b)) }
        if case .negate = b.operation { return negate(multiply(a, b.children[0])) }
        if let x = a.constantValue, case .multiply = b.operation, let y = b.children[0].constantValue {
            return multiply(constant(x * y), b.children[1])
        }
        if a.constantValue == nil, b.constantValue == nil {
            let (ta, pa) = baseAndExponent(a), (tb, pb) = baseAndExponent(b)
            if ta.isStructurallyEqual(to: tb) { return power(ta, constant(pa + pb)) }
        }
        return make(.multiply, [a, b])
    }

    func divide(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(x / y) }
        if b.isConstant(1) { return a }
        if b.isConstant(-1) { return negate(a) }
        if a.isConstant(0) { return constant(0) }
        if a.isStructurallyEqual(to: b) { return constant(1) }
        if case .negate = a.operation { return negate(divide(a.children[0], b)) }
        if case .negate = b.operation { return negate(divide(a, b.children[0])) }
        return make(.divide, [a, b])
    }

    func negate(_ a: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return constant(-x) }
        switch a.operation {
        case .negate: return a.children[0]
        case .subtract: return subtract(a.children[1], a.children[0])
        case .multiply:
            if let c = a.children[0].constantValue { return multiply(constant(-c), a.children[1]) }
        default: break
        }
        return make(.negate, [a])
    }

    func power(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(Double.power(x, y)) }
        if b.isConstant(1) { return a }
        if b.isConstant(0) { return constant(1) }
        if a.isConstant(1) { return constant(1) }
        if a.isConstant(0), let y = b.constantValue, y > 0 { return constant(0) }
        if case .power = a.operation, let p = a.children[1].constantValue, let q = b.constantValue,
           p == p.rounded(), q == q.rounded() {
            return power(a.children[0], constant(p * q))
        }
        return make(.power, [a, b])
    }

    func function(_ f: ElementaryFunction, _ a: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return constant(Double.apply(f, x)) }
        return make(.function(f), [a])
    }

    func maximum(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(Double.maximumPropagatingNaN(x, y)) }
        if a.isStructurallyEqual(to: b) { return a }
        return make(.maximum, [a, b])
    }

    func minimum(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return constant(Double.minimumPropagatingNaN(x, y)) }
        if a.isStructurallyEqual(to: b) { return a }
        return make(.minimum, [a, b])
    }

    func sign(_ a: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return constant(Double.sign(x)) }
        return make(.sign, [a])
    }

    func step(_ a: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return constant(Double.step(x)) }
        return make(.step, [a])
    }

    /// The constant condition true (1) or false (0).
    private func truth(_ value: Bool) -> ExpressionNode { constant(value ? 1 : 0) }

    func compare(_ comparison: SymbolicComparison, _ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue, let y = b.constantValue { return truth(comparison.holds(x, y)) }
        return make(.compare(comparison), [a, b])
    }

    func and(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return x != 0 ? b : truth(false) }
        if let y = b.constantValue { return y != 0 ? a : truth(false) }
        if a.isStructurallyEqual(to: b) { return a }
        return make(.and, [a, b])
    }

    func or(_ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return x != 0 ? truth(true) : b }
        if let y = b.constantValue { return y != 0 ? truth(true) : a }
        if a.isStructurallyEqual(to: b) { return a }
        return make(.or, [a, b])
    }

    func not(_ a: ExpressionNode) -> ExpressionNode {
        if let x = a.constantValue { return truth(x == 0) }
        if case .not = a.operation { return a.children[0] }
        return make(.not, [a])
    }

    func piecewise(_ condition: ExpressionNode, _ a: ExpressionNode, _ b: ExpressionNode) -> ExpressionNode {
        if let x = condition.constantValue { return x != 0 ? a : b }
        if a.isStructurallyEqual(to: b) { return a }
        if case .not = condition.operation { return piecewise(condition.children[0], b, a) }
        if case .piecewise = a.operation, a.children[0].isStructurallyEqual(to: condition) {
            return piecewise(condition, a.children[1], b)
        }
        if case .piecewise = b.operation, b.children[0].isStructurallyEqual(to: condition) {
            return piecewise(condition, a, b.children[2])
        }
        return make(.piecewise, [condition, a, b])
    }

    /// Rebuilds a whole DAG through this builder (hash-consing it when there is an interner).
    func rebuild(_ root: ExpressionNode) -> ExpressionNode {
        var map = [ObjectIdentifier: ExpressionNode]()
        for node in root.topologicalOrder() {
            let children = node.children.map { map[ObjectIdentifier($0)] ?? $0 }
            map[ObjectIdentifier(node)] = apply(node.operation, children)
        }
        return map[ObjectIdentifier(root)] ?? root
    }
}
