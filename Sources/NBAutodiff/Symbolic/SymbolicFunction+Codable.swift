// Codable form of symbolic functions (used by nb's cell cache to store a session's environment).
//
// The expression DAG is written as a node table in topological order (children before parents,
// each shared node once), so sharing survives and the size stays that of the DAG. Decoding
// rebuilds the same nodes without re-simplifying, so the restored function prints and evaluates
// exactly like the stored one.

extension SymbolicFunction: Codable {
    private enum Keys: String, CodingKey { case name, parameters, nodes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let rows = try c.decode([StoredNode].self, forKey: .nodes)
        var nodes: [ExpressionNode] = []
        nodes.reserveCapacity(rows.count)
        for row in rows {
            guard row.children.allSatisfy({ $0 >= 0 && $0 < nodes.count }) else {
                throw DecodingError.dataCorruptedError(forKey: .nodes, in: c, debugDescription: "a node refers to a later node")
            }
            let operation = try row.operation()
            guard row.children.count == StoredNode.arity(of: operation) else {
                throw DecodingError.dataCorruptedError(forKey: .nodes, in: c, debugDescription: "wrong number of operands")
            }
            nodes.append(ExpressionNode(operation, row.children.map { nodes[$0] }))
        }
        guard let root = nodes.last else {
            throw DecodingError.dataCorruptedError(forKey: .nodes, in: c, debugDescription: "empty expression")
        }
        try self.init(name: try c.decode(String.self, forKey: .name), parameterNames: try c.decode([String].self, forKey: .parameters),
                      expression: SymbolicExpression(root, interner: nil))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(parameterNames, forKey: .parameters)
        let order = expression.node.topologicalOrder()
        var position: [ObjectIdentifier: Int] = [:]
        var rows: [StoredNode] = []
        rows.reserveCapacity(order.count)
        for (index, node) in order.enumerated() {
            position[ObjectIdentifier(node)] = index
            rows.append(StoredNode(node.operation, children: node.children.map { position[ObjectIdentifier($0)] ?? 0 }))
        }
        try c.encode(rows, forKey: .nodes)
    }
}

/// One node of a stored expression: its operation and the table positions of its children.
private struct StoredNode: Codable {
    /// `#` constant, `$` variable, an elementary function's name, or an operator word (`if` for a
    /// piecewise node, whose children are condition, then, else).
    var op: String
    /// A constant's bit pattern, or a variable's name.
    var bits: UInt64?
    var name: String?
    var children: [Int]

    private enum CodingKeys: String, CodingKey { case op = "o", bits = "v", name = "n", children = "c" }

    private static let operators: [(String, ExpressionOperation)] = [
        ("+", .add), ("-", .subtract), ("*", .multiply), ("/", .divide), ("neg", .negate), ("^", .power),
        ("max", .maximum), ("min", .minimum), ("sign", .sign), ("step", .step),
        ("&&", .and), ("||", .or), ("!", .not), ("if", .piecewise),
    ] + SymbolicComparison.allCases.map { ($0.rawValue, .compare($0)) }

    init(_ operation: ExpressionOperation, children: [Int]) {
        self.children = children
        switch operation {
        case .constant(let bits): op = "#"; self.bits = bits
        case .variable(let name): op = "$"; self.name = name
        case .function(let function): op = function.rawValue
        default: op = Self.operators.first { $0.1 == operation }?.0 ?? "?"
        }
    }

    /// How many children a node of `operation` has.
    static func arity(of operation: ExpressionOperation) -> Int {
        switch operation {
        case .constant, .variable: 0
        case .negate, .function, .sign, .step, .not: 1
        case .add, .subtract, .multiply, .divide, .power, .maximum, .minimum, .compare, .and, .or: 2
        case .piecewise: 3
        }
    }

    func operation() throws -> ExpressionOperation {
        switch op {
        case "#":
            guard let bits else { throw StoredNodeError.malformed(op) }
            return .constant(bits)
        case "$":
            guard let name else { throw StoredNodeError.malformed(op) }
            return .variable(name)
        default:
            if let function = ElementaryFunction(rawValue: op) { return .function(function) }
            if let operation = Self.operators.first(where: { $0.0 == op })?.1 { return operation }
            throw StoredNodeError.malformed(op)
        }
    }
}

private enum StoredNodeError: Error { case malformed(String) }
