import NBDocument
import NBLearning

/// A statement after name resolution, ready to run: what the interpreter executes.
///
/// Like an expression's `ExprCode`, a statement's work is a closure built once (by the
/// resolver, through the factories below), so a loop body runs without dispatching on the
/// statement's kind.
struct Instruction {
    let run: (Interpreter) throws(LanguageError) -> Void

    /// An expression statement: its value is shown unless the statement ends with `;`.
    static func expression(_ expr: Expr, suppressed: Bool) -> Instruction {
        Instruction { interpreter throws(LanguageError) in
            var frame: [Value] = []
            let value = try interpreter.evaluate(expr, &frame)
            interpreter.lastValue = value
            if !suppressed, let item = value.displayItem { interpreter.items.append(item) }
        }
    }

    /// `name = value`; an anonymous function takes the name it is first bound to.
    static func assign(slot: Int, value expr: Expr) -> Instruction {
        Instruction { interpreter throws(LanguageError) in
            var frame: [Value] = []
            var value = try interpreter.evaluate(expr, &frame)
            if case .function(var function) = value, function.name == nil {
                function.name = interpreter.globals.symbols.names[slot]
                value = .function(function)
            }
            interpreter.setGlobal(slot, value)
        }
    }

    /// `t[i, j] = value`
    static func assignIndex(slot: Int, name: String, indices indexExprs: [Expr], value expr: Expr, location: TextLocation) -> Instruction {
        Instruction { interpreter throws(LanguageError) in
            guard let current = interpreter.globals.values[slot] else {
                throw LanguageError(.runtime, "undefined name '\(name)'", at: location)
            }
            guard case .tensor(var tensor) = current else {
                throw LanguageError(.runtime, "only tensor elements can be assigned, '\(name)' is a \(current.typeName)", at: location)
            }
            var indices: [Int] = []
            var frame: [Value] = []
            for e in indexExprs { indices.append(try interpreter.integer(try interpreter.evaluate(e, &frame), at: e.location)) }
            let assigned = try interpreter.evaluate(expr, &frame)
            if case .range(let r) = assigned {
                do throws(TensorError) { try interpreter.elementLimit.check([r.count]) } catch { throw LanguageError(error, at: expr.location) }
            }
            guard let value = assigned.asTensor else {
                throw LanguageError(.runtime, "only numbers and tensors can be stored in a tensor", at: expr.location)
            }
            interpreter.setGlobal(slot, nil) // keep the tensor's storage uniquely referenced while writing
            defer { interpreter.setGlobal(slot, .tensor(tensor)) }
            do throws(TensorError) { try tensor.replacePart(at: indices, with: value) } catch {
                throw LanguageError(error, at: location)
            }
        }
    }

    /// `f(x, y) = body`
    static func define(slot: Int, function: FunctionValue) -> Instruction {
        Instruction { interpreter in interpreter.setGlobal(slot, .function(function)) }
    }

    /// `for x in sequence { … }` at the top level of a cell: `x` is a global.
    static func forIn(slot: Int, sequence sequenceExpr: Expr, body: [Instruction]) -> Instruction {
        let runBody = sequence(body[...]).run
        return Instruction { interpreter throws(LanguageError) in
            var frame: [Value] = []
            let sequence = try interpreter.evaluate(sequenceExpr, &frame)
            try interpreter.forEachElement(of: sequence, at: sequenceExpr.location) { (element) throws(LanguageError) in
                interpreter.setGlobal(slot, element)
                try runBody(interpreter)
            }
        }
    }

    /// `instructions` in order, as one instruction: a loop body runs as a call (a balanced tree
    /// of them for several statements) rather than as an iteration over an array, which costs
    /// reference counts on every pass.
    static func sequence(_ instructions: ArraySlice<Instruction>) -> Instruction {
        switch instructions.count {
        case 0: return Instruction { _ in }
        case 1: return instructions[instructions.startIndex]
        default:
            let middle = instructions.startIndex + instructions.count / 2
            let first = sequence(instructions[..<middle]).run, second = sequence(instructions[middle...]).run
            return Instruction { interpreter throws(LanguageError) in
                try first(interpreter)
                try second(interpreter)
            }
        }
    }

    /// `if c { … } else { … }` at the top level of a cell.
    static func ifElse(condition conditionExpr: Expr, then: [Instruction], else otherwise: [Instruction]?) -> Instruction {
        Instruction { interpreter throws(LanguageError) in
            var frame: [Value] = []
            let taken = try Interpreter.truth(try interpreter.evaluate(conditionExpr, &frame), what: "if", at: conditionExpr.location)
            for instruction in taken ? then : (otherwise ?? []) { try instruction.run(interpreter) }
        }
    }

    /// `assert condition` or `assert condition, message`: recorded for `nb test`; a failure stops the cell.
    static func assert(condition conditionExpr: Expr, message messageExpr: Expr?, location: TextLocation) -> Instruction {
        Instruction { interpreter throws(LanguageError) in
            var frame: [Value] = []
            let passed = try Interpreter.truth(try interpreter.evaluate(conditionExpr, &frame), what: "assert", at: conditionExpr.location)
            var message = conditionExpr.source
            if let messageExpr { message = try interpreter.evaluate(messageExpr, &frame).printText }
            interpreter.checks.append(CheckRecord(kind: .assertion, passed: passed, message: message, location: location))
            if !passed {
                throw LanguageError(.runtime, "assertion failed: \(message)", at: location)
            }
        }
    }
}
