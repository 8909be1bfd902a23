/// A symbolic expression flattened into a straight-line program (children before parents,
/// each shared node once), for fast repeated evaluation on any `DifferentiableScalar`.
///
/// A program with piecewise nodes runs on demand from its root instead, so that only the branch
/// whose condition holds is evaluated (on a tape, the other branch records nothing, and a nan it
/// would produce cannot leak into the gradient); on symbolic arguments it is rebuilt through the
/// simplifier, so conditions stay symbolic.
struct CompiledExpression: Sendable {
    struct Instruction: Sendable {
        var operation: ExpressionOperation
        /// Indices of earlier instructions; for a variable, the parameter index in `[0]`.
        var operands: [Int]
    }

    let instructions: [Instruction]
    /// True when the program has piecewise nodes (and so conditions).
    let hasBranches: Bool

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
        hasBranches = program.contains { $0.operation == .piecewise || $0.operation.isCondition }
    }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        guard hasBranches else {
            var values = [S]()
            values.reserveCapacity(instructions.count)
            for instruction in instructions { values.append(try Self.value(of: instruction, values, arguments)) }
            return values.last ?? S(0)
        }
        if let symbols = arguments as? [SymbolicExpression], let result = substituting(symbols) as? S { return result }
        return try evaluateOnDemand(arguments)
    }

    /// The program's expression with the variables replaced by `symbols`, through the simplifier.
    private func substituting(_ symbols: [SymbolicExpression]) -> SymbolicExpression {
        let interner = symbols.lazy.compactMap(\.interner).first
        let b = ExpressionBuilder(interner: interner)
        var nodes = [ExpressionNode]()
        nodes.reserveCapacity(instructions.count)
        for instruction in instructions {
            if case .variable = instruction.operation {
                nodes.append(b.rebuild(symbols[instruction.operands[0]].node))
            } else {
                nodes.append(b.apply(instruction.operation, instruction.operands.map { nodes[$0] }))
            }
        }
        return SymbolicExpression(nodes.last ?? b.constant(0), interner: interner)
    }

    /// Evaluates from the root, with an explicit stack (deep expressions do not overflow the
    /// stack), computing an instruction once its operands are known, and of a piecewise node
    /// only the condition and the branch it selects.
    private func evaluateOnDemand<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        guard !instructions.isEmpty else { return S(0) }
        var values = [S](repeating: S(0), count: instructions.count)
        var known = [Bool](repeating: false, count: instructions.count)
        var pending = [instructions.count - 1]
        while let i = pending.last {
            if known[i] { pending.removeLast(); continue }
            let instruction = instructions[i]
            let o = instruction.operands
            if instruction.operation == .piecewise {
                guard known[o[0]] else { pending.append(o[0]); continue }
                let branch = try Self.truth(values[o[0]]) ? o[1] : o[2]
                guard known[branch] else { pending.append(branch); continue }
                values[i] = values[branch]
            } else {
                if case .variable = instruction.operation {} else {
                    let missing = o.filter { !known[$0] }
                    guard missing.isEmpty else { pending += missing; continue }
                }
                values[i] = try Self.value(of: instruction, values, arguments)
            }
            known[i] = true
            pending.removeLast()
        }
        return values[instructions.count - 1]
    }

    /// A condition's truth: its plain value is 1 or 0.
    private static func truth<S: DifferentiableScalar>(_ condition: S) throws -> Bool {
        guard let x = condition.primalValue else { throw AutodiffError.undecidableCondition }
        return x != 0
    }

    /// The value of one instruction whose operands are in `values` (a condition as 1 or 0,
    /// compared on the operands' plain values).
    private static func value<S: DifferentiableScalar>(of instruction: Instruction, _ values: [S], _ arguments: [S]) throws -> S {
        let o = instruction.operands
        switch instruction.operation {
        case let .constant(bits): return S(Double(bitPattern: bits))
        case .variable: return arguments[o[0]]
        case .add: return values[o[0]] + values[o[1]]
        case .subtract: return values[o[0]] - values[o[1]]
        case .multiply: return values[o[0]] * values[o[1]]
        case .divide: return values[o[0]] / values[o[1]]
        case .negate: return -values[o[0]]
        case .power: return S.power(values[o[0]], values[o[1]])
        case let .function(f): return S.apply(f, values[o[0]])
        case .maximum: return S.maximumPropagatingNaN(values[o[0]], values[o[1]])
        case .minimum: return S.minimumPropagatingNaN(values[o[0]], values[o[1]])
        case .sign: return S.sign(values[o[0]])
        case .step: return S.step(values[o[0]])
        case let .compare(comparison):
            guard let a = values[o[0]].primalValue, let b = values[o[1]].primalValue else { throw AutodiffError.undecidableCondition }
            return S(comparison.holds(a, b) ? 1 : 0)
        case .and: return S(try truth(values[o[0]]) && truth(values[o[1]]) ? 1 : 0)
        case .or: return S(try truth(values[o[0]]) || truth(values[o[1]]) ? 1 : 0)
        case .not: return S(try truth(values[o[0]]) ? 0 : 1)
        case .piecewise: return try truth(values[o[0]]) ? values[o[1]] : values[o[2]]
        }
    }
}
