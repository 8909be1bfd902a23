import NBDocument
import NBAutodiff

/// What running an expression does, built once when the expression is made: a tree of closures
/// that mirrors the expression tree. Evaluating it is a chain of direct calls: no `switch` over
/// the expression's kind and no copy of its children per step, which is what made a tree walk
/// over the enum cost a reference count per node.
///
/// This is the evaluator: `Interpreter.evaluate` calls it and every interpretation (plain numbers,
/// dual numbers, values on a tape, symbolic expressions) runs through it.
typealias ExprCode = @Sendable (Interpreter, inout [Value]) throws(LanguageError) -> Value

extension Expr {
    /// The code of an expression of `kind` at `location`, made from its children's code.
    static func code(for kind: Kind, at location: TextLocation) -> ExprCode {
        switch kind {
        case .number(let x):
            return { _, _ in .number(x) }
        case .string(let s):
            return { _, _ in .string(s) }
        case .bool(let b):
            return { _, _ in .bool(b) }
        case .local(let name, let index):
            return { _, frame throws(LanguageError) in try local(name, index, in: frame, at: location) }
        case .global(let name, let slot):
            return { interpreter, _ throws(LanguageError) in try interpreter.global(name, slot: slot, at: location) }
        case .identifier(let name):
            return { interpreter, _ throws(LanguageError) in try interpreter.lookup(name, at: location) }
        case .binary(let op, let lhs, let rhs):
            return binaryCode(op, lhs, rhs, at: location)
        case .unary(let op, let operand):
            let operandCode = operand.code
            return { interpreter, frame throws(LanguageError) in
                try Arithmetic.unary(op, try operandCode(interpreter, &frame), at: location)
            }
        case .call(let callee, let arguments):
            return callCode(callee, arguments, at: location)
        case .list(let items):
            return { interpreter, frame throws(LanguageError) in
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for item in items { values.append(try item.code(interpreter, &frame)) }
                return try ListBuilder.make(values, limit: interpreter.elementLimit, at: location)
            }
        case .tuple:
            return { _, _ throws(LanguageError) in
                throw LanguageError(.runtime, "a parenthesized list (a, b) is only valid as lambda parameters", at: location)
            }
        case .range(let lhs, let rhs, let closed):
            let lowerCode = lhs.code, upperCode = rhs.code
            return { interpreter, frame throws(LanguageError) in
                let lower = try Arithmetic.primal(try lowerCode(interpreter, &frame), "a range (a loop's number of steps)", at: location)
                let upper = try Arithmetic.primal(try upperCode(interpreter, &frame), "a range (a loop's number of steps)", at: location)
                guard case .number(let a) = lower, case .number(let b) = upper else {
                    throw LanguageError(.runtime, "range bounds must be numbers, got \(lower.typeName) and \(upper.typeName)", at: location)
                }
                return .range(RangeValue(lower: a, upper: b, closed: closed))
            }
        case .index(let base, let indices):
            let baseCode = base.code
            let indexLocations = indices.map(\.location)
            return { interpreter, frame throws(LanguageError) in
                let baseValue = try baseCode(interpreter, &frame)
                var indexValues: [Value] = []
                indexValues.reserveCapacity(indices.count)
                for index in indices { indexValues.append(try index.code(interpreter, &frame)) }
                return try interpreter.index(baseValue, by: indexValues, at: indexLocations, location: location)
            }
        case .member(let base, let name):
            let baseCode = base.code
            return { interpreter, frame throws(LanguageError) in
                try interpreter.member(try baseCode(interpreter, &frame), name, at: location)
            }
        case .lambda(let parameters, let body):
            let definition = FunctionValue.Definition(parameters: parameters, body: body, location: location)
            return { _, frame in .function(FunctionValue(definition: definition, captured: frame)) }
        case .block(let items):
            return sequence(items[...])
        case .ifElse(let condition, let then, let otherwise):
            let conditionCode = condition.code, thenCode = then.code, otherwiseCode = otherwise?.code
            let conditionLocation = condition.location
            let thenLocation = then.location, otherwiseLocation = otherwise?.location
            let site = PiecewiseSite()
            return { interpreter, frame throws(LanguageError) in
                let value = try conditionCode(interpreter, &frame)
                let taken: Bool
                switch value {
                case .bool(let b): taken = b
                case .condition(let c):
                    return try interpreter.piecewise(c, site: site, then: thenCode, otherwise: otherwiseCode, frame: &frame, at: location)
                default: taken = try Interpreter.truth(value, what: "if", at: conditionLocation)
                }
                interpreter.decidedIfs &+= 1
                if taken {
                    let result = try thenCode(interpreter, &frame)
                    interpreter.lastTakenBranch = thenLocation
                    return result
                }
                guard let otherwiseCode else {
                    interpreter.lastTakenBranch = nil
                    return .nothing
                }
                let result = try otherwiseCode(interpreter, &frame)
                interpreter.lastTakenBranch = otherwiseLocation
                return result
            }
        case .setLocal(_, let index, let value):
            let valueCode = value.code
            return { interpreter, frame throws(LanguageError) in
                let value = try valueCode(interpreter, &frame)
                frame[index] = value
                return .nothing
            }
        case .forLocal(_, let index, let sequence, let body):
            let sequenceCode = sequence.code, bodyCode = body.code
            let sequenceLocation = sequence.location
            return { interpreter, frame throws(LanguageError) in
                let values = try sequenceCode(interpreter, &frame)
                try interpreter.forEachElement(of: values, at: sequenceLocation) { (element) throws(LanguageError) in
                    frame[index] = element
                    _ = try bodyCode(interpreter, &frame)
                }
                return .nothing
            }
        case .frame(let size, let body):
            let bodyCode = body.code
            return { interpreter, frame throws(LanguageError) in
                if frame.count < size { frame.append(contentsOf: repeatElement(.nothing, count: size - frame.count)) }
                return try bodyCode(interpreter, &frame)
            }
        case .bind, .forIn:
            return { _, _ throws(LanguageError) in
                throw LanguageError(.runtime, "internal: an unresolved binding reached the interpreter", at: location)
            }
        }
    }

    /// Codes run in order, the value of the last one (nothing for none): a balanced tree of calls
    /// rather than a loop over an array of closures, which costs reference counts on every pass
    /// (a loop body is a block).
    ///
    /// It takes the expressions, not an array of their codes: a closure kept in an array is stored
    /// in the array's generic form and every call through it goes through conversion thunks.
    private static func sequence(_ items: ArraySlice<Expr>) -> ExprCode {
        switch items.count {
        case 0: return { _, _ in .nothing }
        case 1: return items[items.startIndex].code
        default:
            let middle = items.startIndex + items.count / 2
            let first = sequence(items[..<middle]), second = sequence(items[middle...])
            return { interpreter, frame throws(LanguageError) in
                _ = try first(interpreter, &frame)
                return try second(interpreter, &frame)
            }
        }
    }

    /// A call. An elementary function of one argument (`sin(y)` in a loop) is applied directly,
    /// as its builtin would; `log(sigmoid(e))` is evaluated as `−softplus(−e)`, the same function,
    /// which keeps its precision where sigmoid saturates (`log(σ(−40))`'s second derivative
    /// `−σ(40)σ(−40) ≈ −4.25e-18` would otherwise come out 0).
    private static func callCode(_ callee: Expr, _ arguments: [Argument], at location: TextLocation) -> ExprCode {
        let calleeCode = callee.code
        let argumentValues = arguments.map(\.value)
        let labelled = arguments.contains { $0.label != nil }
        guard arguments.count == 1, !labelled else {
            return { interpreter, frame throws(LanguageError) in
                let callee = try calleeCode(interpreter, &frame)
                let function: Value
                switch consume callee {
                case .function(let f) where !labelled:
                    return try interpreter.callFunction(f, evaluating: argumentValues, in: &frame, at: location)
                case let other: function = other
                }
                var values: [Value] = []
                values.reserveCapacity(argumentValues.count)
                for argument in argumentValues { values.append(try argument.code(interpreter, &frame)) }
                return try interpreter.callValue(function, arguments: values, syntax: arguments, at: location)
            }
        }
        let argumentCode = arguments[0].value.code
        // The argument as `name(e)`, for `log(sigmoid(e))`: reading a name has no effect, so it
        // may be read before the argument is evaluated.
        var innerCall: (callee: ExprCode, argument: ExprCode, location: TextLocation)?
        if case .call(let inner, let innerArguments) = arguments[0].value.kind, inner.isName,
           innerArguments.count == 1, innerArguments[0].label == nil {
            innerCall = (inner.code, innerArguments[0].value.code, innerArguments[0].location)
        }
        let nameCall = innerCall
        var slot: Int?
        if case .global(_, let calleeSlot) = callee.kind { slot = calleeSlot }
        let calleeSlot = slot
        return { interpreter, frame throws(LanguageError) in
            if let calleeSlot, let function = interpreter.globalFunction(at: calleeSlot) {
                return try interpreter.call(function, evaluating: argumentCode, in: &frame, at: location)
            }
            // `sin(y)` with `sin` unbound: the builtin's function, without reading the builtin as a
            // value (`log` goes on, for `log(sigmoid(e))`).
            if let calleeSlot, let elementary = interpreter.elementaryBuiltin(at: calleeSlot), elementary != .log {
                let argument = try argumentCode(interpreter, &frame)
                return try interpreter.apply(elementary, { () throws(LanguageError) in try calleeCode(interpreter, &frame) },
                                             to: argument, syntax: arguments, at: location)
            }
            let callee = try calleeCode(interpreter, &frame)
            // Consumed, so that the function moves into the call (no copy, no reference count).
            let function: Value
            switch consume callee {
            case .function(let f): return try interpreter.callFunction(f, evaluating: argumentCode, in: &frame, at: location)
            case let other: function = other
            }
            guard case .builtin(let builtin) = function, let elementary = builtin.elementary else {
                let argument = try argumentCode(interpreter, &frame)
                return try interpreter.callValue(function, arguments: [argument], syntax: arguments, at: location)
            }
            if elementary == .log, let nameCall, case .builtin(let inner) = try nameCall.callee(interpreter, &frame),
               inner.elementary == .sigmoid, let softplus = interpreter.registry["softplus"] {
                let e = try nameCall.argument(interpreter, &frame)
                let negated = try Arithmetic.unary(.negate, e, at: nameCall.location)
                let value = try interpreter.apply(.softplus, { .builtin(softplus) }, to: negated, syntax: nil, at: location)
                return try Arithmetic.unary(.negate, value, at: location)
            }
            let argument = try argumentCode(interpreter, &frame)
            return try interpreter.apply(elementary, { function }, to: argument, syntax: arguments, at: location)
        }
    }

    /// A binary operator: `&&`/`||` short-circuit; `+`, `-` and `*` see `arithmeticCode`;
    /// everything else (tensors, other traced values, strings) is done by `Arithmetic.binary`.
    private static func binaryCode(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at location: TextLocation) -> ExprCode {
        let left = lhs.code, right = rhs.code
        let leftLocation = lhs.location, rightLocation = rhs.location
        switch op {
        case .and, .or:
            let what = "'\(op.rawValue)'"
            let shortCircuit = op == .or
            return { interpreter, frame throws(LanguageError) in
                let l = try left(interpreter, &frame)
                // A symbolic condition (inside `derivative`) does not short-circuit.
                if case .condition(let c) = l { return try SymbolicComparisons.combine(c, op, try right(interpreter, &frame), at: rightLocation) }
                let a = try Interpreter.truth(l, what: what, at: leftLocation)
                if a == shortCircuit { return .bool(a) }
                let r = try right(interpreter, &frame)
                if case .condition = r { return r }
                return .bool(try Interpreter.truth(r, what: what, at: rightLocation))
            }
        case .add: return arithmeticCode(Add.self, lhs, rhs, at: location)
        case .subtract: return arithmeticCode(Subtract.self, lhs, rhs, at: location)
        case .multiply: return arithmeticCode(Multiply.self, lhs, rhs, at: location)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            // Two plain numbers are compared here (a loop's `if i > 5`), a number literal on the
            // right used as it is; anything else by `Arithmetic.binary`, which gives the same answer.
            if case .number(let y) = rhs.kind {
                let constant = Value.number(y)
                return { interpreter, frame throws(LanguageError) in
                    let a = try left(interpreter, &frame)
                    if case .number(let x) = a { return .bool(Arithmetic.compare(op, x, y)) }
                    return try Arithmetic.binary(op, a, constant, limit: interpreter.elementLimit, at: location)
                }
            }
            return { interpreter, frame throws(LanguageError) in
                let a = try left(interpreter, &frame)
                let b = try right(interpreter, &frame)
                if case .number(let x) = a, case .number(let y) = b { return .bool(Arithmetic.compare(op, x, y)) }
                return try Arithmetic.binary(op, a, b, limit: interpreter.elementLimit, at: location)
            }
        default:
            return { interpreter, frame throws(LanguageError) in
                let a = try left(interpreter, &frame)
                let b = try right(interpreter, &frame)
                return try Arithmetic.binary(op, a, b, limit: interpreter.elementLimit, at: location)
            }
        }
    }

    /// `+`, `-` or `*` (`Operation`): on two plain numbers, or on numbers of `grad`'s reverse sweep
    /// (`ReverseScalar`, as `Arithmetic.binary` would), done here, anything else by
    /// `Arithmetic.binary`. A number literal operand (`2*x`, `x + 1`) is used as it is, and a
    /// global left operand (`s + …`) or a local right of a literal (`2*x`) is read directly, rather
    /// than by calling their code: reading them has no effect, so the order of evaluation does not
    /// change.
    private static func arithmeticCode<Operation: ScalarOperation>(_ operation: Operation.Type, _ lhs: Expr, _ rhs: Expr,
                                                                   at location: TextLocation) -> ExprCode {
        let left = lhs.code, right = rhs.code
        if case .number(let y) = rhs.kind {
            let constant = Value.number(y)
            return { interpreter, frame throws(LanguageError) in
                try combine(operation, try left(interpreter, &frame), constant, interpreter, at: location)
            }
        }
        if case .number(let x) = lhs.kind {
            let constant = Value.number(x)
            if case .local(let name, let index) = rhs.kind {
                let rightLocation = rhs.location
                return { interpreter, frame throws(LanguageError) in
                    try combine(operation, constant, try local(name, index, in: frame, at: rightLocation), interpreter, at: location)
                }
            }
            return { interpreter, frame throws(LanguageError) in
                try combine(operation, constant, try right(interpreter, &frame), interpreter, at: location)
            }
        }
        if case .global(let name, let slot) = lhs.kind {
            let leftLocation = lhs.location
            return { interpreter, frame throws(LanguageError) in
                let a = try interpreter.global(name, slot: slot, at: leftLocation)
                return try combine(operation, a, try right(interpreter, &frame), interpreter, at: location)
            }
        }
        return { interpreter, frame throws(LanguageError) in
            let a = try left(interpreter, &frame)
            return try combine(operation, a, try right(interpreter, &frame), interpreter, at: location)
        }
    }

    /// `a op b` for `arithmeticCode`: two plain numbers here, reverse-sweep numbers by
    /// `ReverseScalar`, anything else by `Arithmetic.binary`.
    @inline(__always)
    private static func combine<Operation: ScalarOperation>(_: Operation.Type, _ a: Value, _ b: Value,
                                                            _ interpreter: Interpreter,
                                                            at location: TextLocation) throws(LanguageError) -> Value {
        if case .number(let x) = a, case .number(let y) = b { return .number(Operation.apply(x, y)) }
        if let result = ReverseScalar.binary(Operation.operator, a, b) { return result }
        return try Arithmetic.binary(Operation.operator, a, b, limit: interpreter.elementLimit, at: location)
    }

    /// The value of the local `name` at `index` of the running function's frame.
    @inline(__always)
    private static func local(_ name: String, _ index: Int, in frame: [Value], at location: TextLocation) throws(LanguageError) -> Value {
        guard index < frame.count else { throw Interpreter.unassigned(name, at: location) }
        let value = frame[index]
        if case .nothing = value { throw Interpreter.unassigned(name, at: location) }
        return value
    }

    /// A name (resolved or not): evaluating it has no effect but reading it.
    var isName: Bool {
        switch kind {
        case .identifier, .global, .local: true
        default: false
        }
    }
}

/// An arithmetic operator on two plain numbers, for `arithmeticCode`'s specialised code.
private protocol ScalarOperation {
    static var `operator`: BinaryOperator { get }
    static func apply(_ x: Double, _ y: Double) -> Double
}

private enum Add: ScalarOperation {
    static var `operator`: BinaryOperator { .add }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x + y }
}

private enum Subtract: ScalarOperation {
    static var `operator`: BinaryOperator { .subtract }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x - y }
}

private enum Multiply: ScalarOperation {
    static var `operator`: BinaryOperator { .multiply }
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x * y }
}
