import NBAutodiff

/// Evaluates a function body on any `DifferentiableScalar`: the one AST behind every interpretation
/// (plain numbers, dual numbers, the reverse-mode tape, complex step, symbolic expressions).
///
/// Parameters are scalars of type `S`; numbers captured from globals or an enclosing function are
/// constants. Calls of user functions, lambdas and symbolic functions recurse on the same `S`, so a
/// function that calls a function is differentiated through.
struct ScalarEvaluator<S: DifferentiableScalar> {
    let interpreter: Interpreter

    func call(_ function: FunctionValue, _ arguments: [S], at location: SourceLocation) throws(LanguageError) -> S {
        let shown = function.name ?? "lambda"
        guard arguments.count == function.parameters.count else {
            throw LanguageError(.runtime, "\(shown) expects \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), got \(arguments.count)",
                                at: location, hint: "\(shown)(\(function.parameters.joined(separator: ", ")))")
        }
        interpreter.callDepth += 1
        defer { interpreter.callDepth -= 1 }
        if interpreter.callDepth > interpreter.options.recursionLimit {
            throw LanguageError(.limit, "recursion deeper than \(interpreter.options.recursionLimit) calls (in \(shown))", at: location,
                                hint: "a function that calls itself needs a base case")
        }
        try interpreter.tick(at: location)
        return try evaluate(function.body, arguments, captured: function.captured)
    }

    /// `frame` holds the function's own parameters; `captured` the enclosing frame (constants).
    func evaluate(_ expr: Expr, _ frame: [S], captured: [Value]) throws(LanguageError) -> S {
        switch expr.kind {
        case .number(let x):
            return S(x)
        case .local(let name, let index):
            if index >= captured.count { return frame[index - captured.count] }
            return try constant(captured[index], name: name, at: expr.location)
        case .global(let name, let slot):
            return try constant(interpreter.global(name, slot: slot, at: expr.location), name: name, at: expr.location)
        case .identifier(let name):
            return try constant(interpreter.lookup(name, at: expr.location), name: name, at: expr.location)
        case .unary(.negate, let operand):
            return -(try evaluate(operand, frame, captured: captured))
        case .binary(let op, let lhs, let rhs):
            let a = try evaluate(lhs, frame, captured: captured)
            let b = try evaluate(rhs, frame, captured: captured)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return S.power(a, b)
            default:
                throw LanguageError(.runtime, "'\(op.rawValue)' cannot be used in a function that is differentiated", at: expr.location,
                                    hint: "differentiable functions use + - * / ^ and elementary functions of numbers")
            }
        case .call(let callee, let arguments):
            var values: [S] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                if let label = argument.label {
                    throw LanguageError(.runtime, "labelled argument '\(label):' in a function that is differentiated", at: argument.location)
                }
                values.append(try evaluate(argument.value, frame, captured: captured))
            }
            return try apply(callee, values, captured: captured, at: expr.location)
        default:
            throw LanguageError(.runtime, "this expression cannot be used in a function that is differentiated", at: expr.location,
                                hint: "differentiable functions are built from numbers, parameters, + - * / ^ and calls of functions of numbers")
        }
    }

    private func constant(_ value: Value, name: String, at location: SourceLocation) throws(LanguageError) -> S {
        switch value {
        case .number(let x): return S(x)
        case .tensor(let t) where t.count == 1: return S(t.elements[0])
        default:
            throw LanguageError(.runtime, "'\(name)' is a \(value.typeName); a function that is differentiated can only use numbers", at: location)
        }
    }

    private func apply(_ callee: Expr, _ arguments: [S], captured: [Value], at location: SourceLocation) throws(LanguageError) -> S {
        let function: Value
        switch callee.kind {
        case .global(let name, let slot):
            function = try interpreter.global(name, slot: slot, at: callee.location)
        case .identifier(let name):
            function = try interpreter.lookup(name, at: callee.location)
        case .local(_, let index) where index < captured.count:
            function = captured[index]
        default:
            throw LanguageError(.runtime, "only named functions can be called in a function that is differentiated", at: callee.location)
        }
        switch function {
        case .function(let f):
            return try call(f, arguments, at: location)
        case .symbolic(let s):
            do { return try s.function.evaluate(arguments) } catch {
                throw LanguageError(.runtime, "\(s.name): \(error)", at: location)
            }
        case .builtin(let builtin):
            if let elementary = ElementaryFunction(rawValue: builtin.name) {
                guard arguments.count == 1 else {
                    throw LanguageError(.runtime, "\(builtin.name) expects 1 argument, got \(arguments.count)", at: location, hint: "usage: \(builtin.usage)")
                }
                return S.apply(elementary, arguments[0])
            }
            if builtin.name == "min" || builtin.name == "max" {
                guard arguments.count == 2 else {
                    throw LanguageError(.runtime, "\(builtin.name) expects 2 arguments in a function that is differentiated", at: location)
                }
                return builtin.name == "max" ? S.maximum(arguments[0], arguments[1]) : S.minimum(arguments[0], arguments[1])
            }
            throw LanguageError(.runtime, "the builtin '\(builtin.name)' cannot be used in a function that is differentiated", at: location)
        default:
            throw LanguageError(.runtime, "a \(function.typeName) is not a function and cannot be called", at: location)
        }
    }
}

/// A user function seen by the engine: `ScalarFunction` over any scalar interpretation.
struct UserScalarFunction: ScalarFunction {
    let function: FunctionValue
    let interpreter: Interpreter
    let location: SourceLocation

    var parameterNames: [String] { function.parameters }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        try ScalarEvaluator<S>(interpreter: interpreter).call(function, arguments, at: location)
    }
}

/// A user function whose body is a list literal `[e1, e2, …]`, seen by the engine as a `VectorFunction`.
struct UserVectorFunction: VectorFunction {
    let function: FunctionValue
    let interpreter: Interpreter
    let location: SourceLocation

    var parameterNames: [String] { function.parameters }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> [S] {
        guard case .list(let components) = function.body.kind else {
            throw LanguageError(.runtime, "\(function.name ?? "the function") must return a list [f1, f2, …] for a Jacobian",
                                at: function.body.location)
        }
        guard arguments.count == function.parameters.count else {
            throw LanguageError(.runtime, "\(function.name ?? "lambda") expects \(function.parameters.count) arguments, got \(arguments.count)", at: location)
        }
        let evaluator = ScalarEvaluator<S>(interpreter: interpreter)
        var out: [S] = []
        for component in components { out.append(try evaluator.evaluate(component, arguments, captured: function.captured)) }
        return out
    }
}
