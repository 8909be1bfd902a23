import NBAutodiff

/// Evaluates a function body on any `DifferentiableScalar`: the one AST behind every interpretation
/// (plain numbers, dual numbers, the reverse-mode tape, complex step, symbolic expressions).
///
/// Parameters are scalars (or tensors) of type `S`; numbers and tensors captured from globals or an
/// enclosing function are constants. Calls of user functions, lambdas and symbolic functions recurse
/// on the same `S`, so a function that calls a function is differentiated through.
struct ScalarEvaluator<S: DifferentiableScalar> {
    let interpreter: Interpreter

    /// Calls `function` with scalar arguments; the result must be a scalar.
    func call(_ function: FunctionValue, _ arguments: [S], at location: SourceLocation) throws(LanguageError) -> S {
        try scalar(call(function, arguments.map { .scalar($0) }, at: location), what: function.name ?? "the function", at: location)
    }

    func call(_ function: FunctionValue, _ arguments: [Operand<S>], at location: SourceLocation) throws(LanguageError) -> Operand<S> {
        let shown = function.name ?? "lambda"
        guard arguments.count == function.parameters.count else {
            throw LanguageError(.runtime, "\(shown) expects \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), got \(arguments.count)",
                                at: location, hint: "\(shown)(\(function.parameters.joined(separator: ", ")))")
        }
        try interpreter.enterCall(shown, at: location)
        defer { interpreter.callDepth -= 1 }
        return try evaluate(function.body, arguments, captured: function.captured)
    }

    func scalar(_ operand: Operand<S>, what: String, at location: SourceLocation) throws(LanguageError) -> S {
        switch operand {
        case .scalar(let s): return s
        case .tensor(_, let elements) where elements.count == 1: return elements[0]
        case .tensor:
            throw LanguageError(.runtime, "\(what) must return a number here, got \(operand.shapeText)", at: location,
                                hint: "reduce it with sum(…) or mean(…)")
        }
    }

    /// `frame` holds the function's own parameters; `captured` the enclosing frame (constants).
    func evaluate(_ expr: Expr, _ frame: [Operand<S>], captured: [Value]) throws(LanguageError) -> Operand<S> {
        switch expr.kind {
        case .number(let x):
            return .scalar(S(x))
        case .local(let name, let index):
            if index >= captured.count { return frame[index - captured.count] }
            return try constant(captured[index], name: name, at: expr.location)
        case .global(let name, let slot):
            return try constant(interpreter.global(name, slot: slot, at: expr.location), name: name, at: expr.location)
        case .identifier(let name):
            return try constant(interpreter.lookup(name, at: expr.location), name: name, at: expr.location)
        case .unary(.negate, let operand):
            return try evaluate(operand, frame, captured: captured).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            let a = try evaluate(lhs, frame, captured: captured)
            let b = try evaluate(rhs, frame, captured: captured)
            let result: Operand<S>?
            switch op {
            case .add: result = Operand.zip(a, b, +)
            case .subtract: result = Operand.zip(a, b, -)
            case .multiply: result = Operand.zip(a, b, *)
            case .divide: result = Operand.zip(a, b, /)
            case .power: result = Operand.zip(a, b, S.power)
            case .matmul: result = Operand.matmul(a, b)
            default:
                throw LanguageError(.runtime, "'\(op.rawValue)' cannot be used in a function that is differentiated", at: expr.location,
                                    hint: "differentiable functions use + - * / ^ @ and elementary functions of numbers")
            }
            guard let result else {
                throw LanguageError(.runtime, "'\(op.rawValue)' cannot combine \(a.shapeText) and \(b.shapeText)", at: expr.location)
            }
            return result
        case .list(let items):
            var elements: [S] = []
            var innerShape: [Int]?
            for item in items {
                let operand = try evaluate(item, frame, captured: captured)
                let shape: [Int]
                switch operand {
                case .scalar: shape = []
                case .tensor(let s, _): shape = s
                }
                if let innerShape, innerShape != shape {
                    throw LanguageError(.runtime, "nested lists must be rectangular", at: item.location)
                }
                innerShape = shape
                elements.append(contentsOf: operand.elements)
            }
            return .tensor(shape: [items.count] + (innerShape ?? []), elements: elements)
        case .index(let base, let indexExprs):
            return try index(try evaluate(base, frame, captured: captured), indexExprs, frame, captured: captured, at: expr.location)
        case .call(let callee, let arguments):
            var values: [Operand<S>] = []
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
                                hint: "differentiable functions are built from numbers, parameters, + - * / ^ @ and calls of functions of numbers")
        }
    }

    private func constant(_ value: Value, name: String, at location: SourceLocation) throws(LanguageError) -> Operand<S> {
        switch value {
        case .number(let x): return .scalar(S(x))
        case .tensor(let t): return .tensor(shape: t.shape, elements: t.elements.map { S($0) })
        default:
            throw LanguageError(.runtime, "'\(name)' is a \(value.typeName); a function that is differentiated can only use numbers and tensors",
                                at: location)
        }
    }

    private func index(_ base: Operand<S>, _ indexExprs: [Expr], _ frame: [Operand<S>], captured: [Value],
                       at location: SourceLocation) throws(LanguageError) -> Operand<S> {
        guard case .tensor(let shape, let elements) = base else {
            throw LanguageError(.runtime, "a number cannot be indexed", at: location)
        }
        var indices: [Int] = []
        for e in indexExprs {
            if e.usesLocal(from: captured.count) {
                throw LanguageError(.runtime, "an index in a differentiated function cannot depend on the function's parameters", at: e.location)
            }
            let value = try interpreter.evaluate(e, captured)
            guard case .number(let x) = value, x == x.rounded(), Swift.abs(x) < 1e15 else {
                throw LanguageError(.runtime, "an index in a differentiated function must be a whole number that does not depend on the parameters",
                                    at: e.location)
            }
            indices.append(Int(x))
        }
        let strides = TensorValue.strides(of: shape)
        guard indices.count <= shape.count else {
            throw LanguageError(.runtime, "\(indices.count) indices for a tensor of rank \(shape.count)", at: location)
        }
        var offset = 0
        for (axis, i) in indices.enumerated() {
            guard i >= 0, i < shape[axis] else {
                throw LanguageError(.runtime, "index \(i) is out of range 0..<\(shape[axis]) on axis \(axis)", at: location)
            }
            offset += i * strides[axis]
        }
        let rest = Array(shape[indices.count...])
        let size = rest.reduce(1, *)
        return rest.isEmpty ? .scalar(elements[offset]) : .tensor(shape: rest, elements: Array(elements[offset..<offset + size]))
    }

    private func apply(_ callee: Expr, _ arguments: [Operand<S>], captured: [Value], at location: SourceLocation) throws(LanguageError) -> Operand<S> {
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
            var scalars: [S] = []
            for argument in arguments { scalars.append(try scalar(argument, what: "an argument of \(s.name)", at: location)) }
            do { return .scalar(try s.function.evaluate(scalars)) } catch {
                throw LanguageError(.runtime, "\(s.name): \(error)", at: location)
            }
        case .builtin(let builtin):
            return try applyBuiltin(builtin, arguments, at: location)
        default:
            throw LanguageError(.runtime, "a \(function.typeName) is not a function and cannot be called", at: location)
        }
    }

    private func applyBuiltin(_ builtin: Builtin, _ arguments: [Operand<S>], at location: SourceLocation) throws(LanguageError) -> Operand<S> {
        func expect(_ count: Int) throws(LanguageError) {
            guard arguments.count == count else {
                throw LanguageError(.runtime, "\(builtin.name) expects \(count) argument\(count == 1 ? "" : "s") in a function that is differentiated, got \(arguments.count)",
                                    at: location, hint: "usage: \(builtin.usage)")
            }
        }
        if let elementary = ElementaryFunction(rawValue: builtin.name) {
            try expect(1)
            return arguments[0].map { S.apply(elementary, $0) }
        }
        switch builtin.name {
        case "min", "max":
            try expect(2)
            let pick: (S, S) -> S = builtin.name == "max" ? S.maximum : S.minimum
            guard let result = Operand.zip(arguments[0], arguments[1], pick) else {
                throw LanguageError(.runtime, "\(builtin.name) cannot combine \(arguments[0].shapeText) and \(arguments[1].shapeText)", at: location)
            }
            return result
        case "sum", "mean":
            try expect(1)
            let elements = arguments[0].elements
            guard let first = elements.first else { return .scalar(S(builtin.name == "sum" ? 0 : .nan)) }
            let total = elements.dropFirst().reduce(first, +)
            return .scalar(builtin.name == "sum" ? total : total / S(Double(elements.count)))
        default:
            throw LanguageError(.runtime, "the builtin '\(builtin.name)' cannot be used in a function that is differentiated", at: location)
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

/// A one-parameter user function of a tensor, seen by the engine as a function of its elements
/// (`w[0]`, `w[1]`, …; `W[0, 1]` for matrices).
struct TensorArgumentFunction: ScalarFunction {
    let function: FunctionValue
    let shape: [Int]
    let interpreter: Interpreter
    let location: SourceLocation

    var parameterNames: [String] {
        let name = function.parameters.first ?? "x"
        let strides = TensorValue.strides(of: shape)
        return (0..<shape.reduce(1, *)).map { flat in
            let index = shape.indices.map { String((flat / strides[$0]) % shape[$0]) }
            return "\(name)[\(index.joined(separator: ", "))]"
        }
    }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        let evaluator = ScalarEvaluator<S>(interpreter: interpreter)
        let result = try evaluator.call(function, [.tensor(shape: shape, elements: arguments)], at: location)
        return try evaluator.scalar(result, what: function.name ?? "the function", at: location)
    }
}

/// A user function returning a list `[f1, f2, …]` (or a tensor), seen by the engine as a `VectorFunction`.
struct UserVectorFunction: VectorFunction {
    let function: FunctionValue
    let interpreter: Interpreter
    let location: SourceLocation

    var parameterNames: [String] { function.parameters }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> [S] {
        try ScalarEvaluator<S>(interpreter: interpreter).call(function, arguments.map { .scalar($0) }, at: location).elements
    }
}
