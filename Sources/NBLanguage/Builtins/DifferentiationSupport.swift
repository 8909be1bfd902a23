import NBDocument
import NBLearning
import NBAutodiff

/// Argument conversions shared by the differentiation builtins.
extension BuiltinCall {
    /// The `index`-th argument as a scalar function of numbers (one per parameter) that the engine
    /// can run on every interpretation (for `derivative` and `swell`).
    func scalarFunction(_ index: Int) throws(LanguageError) -> any ScalarFunction {
        let value = positional[index]
        switch value {
        case .function(let f):
            return TracedFunction(callee: value, shownName: functionName(index), layouts: f.parameters.map { _ in .number },
                                  baseNames: f.parameters, interpreter: interpreter, location: location)
        case .symbolic(let s):
            return s.function
        case .builtin(let builtin):
            if let elementary = ElementaryFunction(rawValue: builtin.name) { return ElementaryScalarFunction(function: elementary) }
            throw error("the builtin '\(builtin.name)' is not a function of numbers that can be differentiated", at: self.location(of: index))
        default:
            throw error("the first argument must be a function of numbers, got a \(value.typeName)", at: self.location(of: index))
        }
    }

    /// The display name of the function argument (`f`, or `lambda`).
    func functionName(_ index: Int) -> String {
        switch positional[index] {
        case .function(let f): return f.name ?? "lambda"
        case .symbolic(let s): return s.name
        case .builtin(let builtin): return builtin.name
        default: return "f"
        }
    }

    /// The name a derivative of the function argument is built from (empty when anonymous).
    func derivativeBaseName(_ index: Int) -> String {
        switch positional[index] {
        case .function(let f): return f.name ?? ""
        case .symbolic(let s): return s.function.name
        default: return functionName(index)
        }
    }

    /// The parameter names of a callable argument.
    private func parameters(of index: Int) throws(LanguageError) -> [String] {
        switch positional[index] {
        case .function(let f): return f.parameters
        case .symbolic(let s): return s.parameters
        case .builtin(let builtin) where ElementaryFunction(rawValue: builtin.name) != nil: return ["x"]
        case .builtin(let builtin):
            throw error("the builtin '\(builtin.name)' is not a function of numbers that can be differentiated", at: location(of: index))
        default:
            throw error("the first argument must be a function, got a \(positional[index].typeName)", at: location(of: index))
        }
    }

    /// The function and point of a differentiation builtin (SPEC §4, structured parameters):
    /// for a function of one parameter, `at` is its argument — a number, a tensor, a list or
    /// record of them — or a one-number list `[x]`; for k parameters, `at` holds one argument
    /// per parameter (a list, or a tensor whose first axis has k entries).
    func problem(function functionIndex: Int = 0, point pointIndex: Int = 1) throws(LanguageError) -> DifferentiationProblem {
        let names = try parameters(of: functionIndex)
        let at = positional[pointIndex]
        let (arguments, packing) = try split(at, into: names, at: location(of: pointIndex))
        var layouts: [ParameterLayout] = []
        for argument in arguments {
            guard let layout = ParameterLayout(of: argument) else {
                throw error("at must hold numbers, tensors, or lists and records of them, got a \(argument.typeName)",
                            at: location(of: pointIndex))
            }
            layouts.append(layout)
        }
        if case .symbolic = positional[functionIndex], layouts.contains(where: { $0 != .number }) {
            throw error("a symbolic function takes one number per parameter", at: location(of: pointIndex))
        }
        let function = TracedFunction(callee: positional[functionIndex], shownName: functionName(functionIndex), layouts: layouts,
                                      baseNames: names, interpreter: interpreter, location: location)
        return DifferentiationProblem(function: function, arguments: arguments, layouts: layouts, packing: packing)
    }

    /// One argument per parameter from `at`, and how results are packed back.
    private func split(_ at: Value, into names: [String], at where: TextLocation) throws(LanguageError) -> ([Value], DifferentiationProblem.Packing) {
        let count = names.count
        if count == 1 {
            if let single = Self.soleNumber(at) { return ([single], .vector) }
            return ([at], .single)
        }
        let parts: [Value]?
        switch at {
        case .list(let items): parts = items
        case .tensor(let t) where t.rank >= 1:
            parts = (0..<t.shape[0]).compactMap { i in (try? t.part(at: [i])).map(Value.from) }
        case .traced(let box) where box.storage.shape.count >= 1:
            parts = (0..<box.storage.shape[0]).compactMap { try? box.storage.indexed([$0]) }
        default: parts = nil
        }
        guard let parts, parts.count == count else {
            let got: String
            switch at {
            case .tensor(let t): got = "\(t.count) number\(t.count == 1 ? "" : "s")"
            case .list(let items): got = "\(items.count) value\(items.count == 1 ? "" : "s")"
            default: got = "a \(at.typeName)"
            }
            throw error("at has \(got) but the function takes \(count) (\(names.joined(separator: ", ")))",
                        at: `where`, hint: "give one argument per parameter: [x, y] or [W1, b1, …]")
        }
        return (parts, .perParameter)
    }

    /// The number in a one-number list `[x]`, the form `at` takes for one parameter.
    private static func soleNumber(_ value: Value) -> Value? {
        switch value {
        case .tensor(let t) where t.rank == 1 && t.count == 1: return .number(t.scalars[0])
        case .traced(let box) where box.storage.shape == [1]: return try? box.storage.indexed([0])
        default: return nil
        }
    }

    /// Runs engine work, turning its errors into errors at this call.
    func engine<T>(_ body: () throws -> T) throws(LanguageError) -> T {
        do {
            return try body()
        } catch let error as LanguageError {
            throw error
        } catch {
            throw self.error("\(error)")
        }
    }

    /// A finite-difference scheme named by `scheme:`.
    func scheme(default name: String) throws(LanguageError) -> DifferenceScheme {
        let text = try string(label: "scheme", default: name)
        switch text {
        case "central": return .central
        case "forward": return .forward
        case "complex", "complex-step", "complexStep": return .complexStep
        default:
            throw error("scheme: must be \"central\", \"forward\" or \"complex\", got \"\(text)\"", at: namedLocations["scheme"])
        }
    }
}

/// What a differentiation builtin works on: a function of the flattened numbers of its
/// arguments, the point, and how to give results the arguments' structure.
struct DifferentiationProblem {
    /// How a gradient is packed: like the one argument; as a one-entry vector (`at` was `[x]`);
    /// or one entry per parameter.
    enum Packing { case single, vector, perParameter }

    let function: TracedFunction
    let arguments: [Value]
    let layouts: [ParameterLayout]
    let packing: Packing

    /// How many numbers the point has.
    var count: Int { layouts.reduce(0) { $0 + $1.count } }

    /// True when the point is one plain number (results are numbers, not tensors).
    var isScalar: Bool { packing == .single && layouts == [.number] }

    /// The point as numbers of `B`; nil when a value cannot be lifted into `B`.
    func point<B: DifferentiableScalar>(_ type: B.Type) -> [B]? {
        var out: [B] = []
        out.reserveCapacity(count)
        for (layout, argument) in zip(layouts, arguments) where !layout.flatten(argument, into: &out) { return nil }
        return out
    }

    /// The point as plain numbers; nil when it holds values of a running differentiation.
    var plainPoint: [Double]? { point(Double.self) }

    /// A vector like the point (a direction): a tensor or list with one number per number of the
    /// point, or the same structure as the arguments.
    func vector<B: DifferentiableScalar>(_ value: Value, _ type: B.Type) -> [B]? {
        if let t = TracedTensor<B>.lift(value), t.count == count { return t.elements }
        guard packing == .perParameter, case .list(let items) = value, items.count == layouts.count else { return nil }
        var out: [B] = []
        for (layout, item) in zip(layouts, items) where !layout.flatten(item, into: &out) { return nil }
        return out.count == count ? out : nil
    }

    /// A gradient (one number per number of the point) with the structure of the arguments.
    func pack<B: DifferentiableScalar>(_ gradient: [B], limit: Budget, at location: TextLocation) throws(LanguageError) -> Value {
        var position = 0
        switch packing {
        case .single:
            return layouts[0].rebuild(from: gradient, at: &position)
        case .vector:
            return TracedTensor(shape: [gradient.count], elements: gradient).value
        case .perParameter:
            let parts = layouts.map { $0.rebuild(from: gradient, at: &position) }
            return try ListBuilder.make(parts, limit: limit, at: location)
        }
    }
}

/// An elementary builtin (`sin`, `exp`, …) passed where a function is expected: `grad(sin, 0)`.
struct ElementaryScalarFunction: ScalarFunction {
    let function: ElementaryFunction
    var parameterNames: [String] { ["x"] }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        S.apply(function, arguments[0])
    }
}
