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
        var frame: [String: S] = [:]
        for (name, value) in zip(function.parameters, arguments) { frame[name] = value }
        interpreter.callDepth += 1
        defer { interpreter.callDepth -= 1 }
        if interpreter.callDepth > interpreter.options.recursionLimit {
            throw LanguageError(.limit, "recursion deeper than \(interpreter.options.recursionLimit) calls (in \(shown))", at: location,
                                hint: "a function that calls itself needs a base case")
        }
        try interpreter.tick(at: location)
        return try evaluate(function.body, frame, captured: function.captured)
    }

    func evaluate(_ expr: Expr, _ frame: [String: S], captured: [String: Value]) throws(LanguageError) -> S {
        switch expr.kind {
        case .number(let x):
            return S(x)
        case .identifier(let name):
            if let value = frame[name] { return value }
            return try constant(resolve(name, captured: captured, at: expr.location), name: name, at: expr.location)
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
            for argument in arguments {
                if let label = argument.label {
                    throw LanguageError(.runtime, "labelled argument '\(label):' in a function that is differentiated", at: argument.location)
                }
                values.append(try evaluate(argument.value, frame, captured: captured))
            }
            return try apply(callee, values, frame, captured: captured, at: expr.location)
        default:
            throw LanguageError(.runtime, "this expression cannot be used in a function that is differentiated", at: expr.location,
                                hint: "differentiable functions are built from numbers, parameters, + - * / ^ and calls of functions of numbers")
        }
    }

    private func resolve(_ name: String, captured: [String: Value], at location: SourceLocation) throws(LanguageError) -> Value {
        if let value = captured[name] { return value }
        return try interpreter.lookup(name, nil, at: location)
    }

    private func constant(_ value: Value, name: String, at location: SourceLocation) throws(LanguageError) -> S {
        switch value {
        case .number(let x): return S(x)
        case .tensor(let t) where t.count == 1: return S(t.elements[0])
        default:
            throw LanguageError(.runtime, "'\(name)' is a \(value.typeName); a function that is differentiated can only use numbers", at: location)
        }
    }

    private func apply(_ callee: Expr, _ arguments: [S], _ frame: [String: S], captured: [String: Value],
                       at location: SourceLocation) throws(LanguageError) -> S {
        let function: Value
        if case .identifier(let name) = callee.kind, frame[name] == nil {
            function = try resolve(name, captured: captured, at: callee.location)
        } else {
            throw LanguageError(.runtime, "only named functions can be called in a function that is differentiated", at: callee.location)
        }
        switch function {
        case .function(let f):
            return try call(f, arguments, at: location)
        case .symbolic(let s):
            do { return try s.function.evaluate(arguments) } catch {
                throw LanguageError(.runtime, "\(s.name): \(error)", at: location)
            }
        case .builtin(let name):
            if let elementary = ElementaryFunction(rawValue: name) {
                guard arguments.count == 1 else {
                    throw LanguageError(.runtime, "\(name) expects 1 argument, got \(arguments.count)", at: location, hint: "usage: \(name)(x)")
                }
                return S.apply(elementary, arguments[0])
            }
            if name == "min" || name == "max" {
                guard arguments.count == 2 else {
                    throw LanguageError(.runtime, "\(name) expects 2 arguments in a function that is differentiated", at: location)
                }
                return name == "max" ? S.maximum(arguments[0], arguments[1]) : S.minimum(arguments[0], arguments[1])
            }
            throw LanguageError(.runtime, "the builtin '\(name)' cannot be used in a function that is differentiated", at: location)
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
        var frame: [String: S] = [:]
        for (name, value) in zip(function.parameters, arguments) { frame[name] = value }
        let evaluator = ScalarEvaluator<S>(interpreter: interpreter)
        var out: [S] = []
        for component in components { out.append(try evaluator.evaluate(component, frame, captured: function.captured)) }
        return out
    }
}
