/// A symbolic expression flattened into a straight-line program (children before parents,
/// each shared node once), for fast repeated evaluation on any `DifferentiableScalar`.
struct CompiledExpression: Sendable {
    struct Instruction: Sendable {
        var operation: ExpressionOperation
        /// Indices of earlier instructions; for a variable, the parameter index in `[0]`.
        var operands: [Int]
    }

    let instructions: [Instruction]

    /// Compiles `root`; every variable must be one of `parameterNames`.
    init(_ root: ExpressionNode, parameterNames: [String]) throws {
        let order = root.topologicalOrder()
        var index = [ObjectIdentifier: Int]()
        var program = [Instruction]()
        program.reserveCapacity(order.count)
        for node in order {
            var operands = node.children.map { index[ObjectIdentifier($0)] ?? 0 }
            if case let .variable(name) = node.operation {
                guard let p = parameterNames.firstIndex(of: name) else {
                    throw AutodiffError.unknownParameter(name, parameters: parameterNames)
                }
                operands = [p]
            }
            index[ObjectIdentifier(node)] = program.count
            program.append(Instruction(operation: node.operation, operands: operands))
        }
        instructions = program
    }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) -> S {
        var values = [S]()
        values.reserveCapacity(instructions.count)
        for instruction in instructions {
            let o = instruction.operands
            let v: S
            switch instruction.operation {
            case let .constant(bits): v = S(Double(bitPattern: bits))
            case .variable: v = arguments[o[0]]
            case .add: v = values[o[0]] + values[o[1]]
            case .subtract: v = values[o[0]] - values[o[1]]
            case .multiply: v = values[o[0]] * values[o[1]]
            case .divide: v = values[o[0]] / values[o[1]]
            case .negate: v = -values[o[0]]
            case .power: v = S.power(values[o[0]], values[o[1]])
            case let .function(f): v = S.apply(f, values[o[0]])
            case .maximum: v = S.maximumPropagatingNaN(values[o[0]], values[o[1]])
            case .minimum: v = S.minimumPropagatingNaN(values[o[0]], values[o[1]])
            case .sign: v = S.sign(values[o[0]])
            case .step: v = S.step(values[o[0]])
            }
            values.append(v)
        }
        return values.last ?? S(0)
    }
}
