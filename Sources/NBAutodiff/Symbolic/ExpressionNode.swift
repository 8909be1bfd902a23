/// The operation at a node of a symbolic expression.
enum ExpressionOperation: Hashable, Sendable {
    /// A number, stored as its bit pattern (nan and -0 canonicalised) so that hashing is exact.
    case constant(UInt64)
    case variable(String)
    case add, subtract, multiply, divide, negate, power
    case function(ElementaryFunction)
    case maximum, minimum
    /// -1, 0, 1: the derivative of abs.
    case sign
    /// The Heaviside step with step(0) = 0: the derivative of relu.
    case step
    /// A condition `lhs op rhs` (true or false, never a number; a folded one is the constant 1 or 0).
    case compare(SymbolicComparison)
    /// Conditions combined: both, either, the opposite.
    case and, or, not
    /// `if children[0] { children[1] } else { children[2] }`: a piecewise expression whose first
    /// child is a condition.
    case piecewise

    static func number(_ value: Double) -> ExpressionOperation {
        if value.isNaN { return .constant(Double.nan.bitPattern) }
        if value == 0 { return .constant(0.0.bitPattern) }
        return .constant(value.bitPattern)
    }

    var constantValue: Double? {
        if case let .constant(bits) = self { return Double(bitPattern: bits) }
        return nil
    }

    /// True for the operations whose value is a condition rather than a number.
    var isCondition: Bool {
        switch self {
        case .compare, .and, .or, .not: true
        default: false
        }
    }
}

/// A comparison of two numbers in a condition, written as in the cell language.
public enum SymbolicComparison: String, Hashable, Sendable, CaseIterable {
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="

    /// The comparison of two plain numbers (IEEE: every comparison with nan is false but `!=`).
    public func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        case .greaterEqual: a >= b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}

/// One immutable node of an expression DAG. Children are shared by reference, so a
/// subexpression used twice is one node.
final class ExpressionNode: Sendable {
    let operation: ExpressionOperation
    let children: [ExpressionNode]
    /// A structural hash (equal structures hash equally whether or not they share nodes).
    let structuralHash: Int

    init(_ operation: ExpressionOperation, _ children: [ExpressionNode] = []) {
        self.operation = operation
        self.children = children
        var hasher = Hasher()
        hasher.combine(operation)
        for child in children { hasher.combine(child.structuralHash) }
        structuralHash = hasher.finalize()
    }

    var constantValue: Double? { operation.constantValue }

    func isConstant(_ value: Double) -> Bool { constantValue == value }

    /// Structural equality; identical objects short-cut, so interned DAGs compare in O(1).
    func isStructurallyEqual(to other: ExpressionNode) -> Bool {
        if self === other { return true }
        guard structuralHash == other.structuralHash, operation == other.operation,
              children.count == other.children.count else { return false }
        for (a, b) in zip(children, other.children) where !a.isStructurallyEqual(to: b) { return false }
        return true
    }

    /// Every node reachable from this one, children before parents, each once (iterative, so
    /// deep expressions do not overflow the stack).
    func topologicalOrder() -> [ExpressionNode] {
        var order = [ExpressionNode]()
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: ExpressionNode, next: Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let top = stack.last {
            if top.next < top.node.children.count {
                stack[stack.count - 1].next += 1
                let child = top.node.children[top.next]
                if visited.insert(ObjectIdentifier(child)).inserted { stack.append((child, 0)) }
            } else {
                order.append(top.node)
                stack.removeLast()
            }
        }
        return order
    }
}
