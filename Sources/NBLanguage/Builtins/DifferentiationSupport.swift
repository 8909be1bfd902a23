import NBAutodiff

/// Argument conversions shared by the differentiation builtins.
extension BuiltinCall {
    /// The `index`-th argument as a scalar function the engine can run on every interpretation.
    func scalarFunction(_ index: Int) throws(LanguageError) -> any ScalarFunction {
        let value = positional[index]
        switch value {
        case .function(let f):
            return UserScalarFunction(function: f, interpreter: interpreter, location: location)
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

    /// The function and point of a differentiation builtin: `f` with `at` a number, a list with one
    /// number per parameter, or — for a one-parameter function — a tensor argument, in which case
    /// the engine sees a function of the tensor's elements and results take the tensor's shape.
    func problem(function functionIndex: Int = 0, point pointIndex: Int = 1) throws(LanguageError) -> DifferentiationProblem {
        let f = try scalarFunction(functionIndex)
        let value = positional[pointIndex]
        guard let tensor = value.asTensor else {
            throw error("at must be a number, a list of numbers (one per parameter) or a tensor, got a \(value.typeName)",
                        at: location(of: pointIndex))
        }
        if case .function(let function) = positional[functionIndex], function.parameters.count == 1,
           tensor.rank >= 2 || (tensor.rank == 1 && tensor.count != 1) {
            let wrapped = TensorArgumentFunction(function: function, shape: tensor.shape, interpreter: interpreter, location: location)
            return DifferentiationProblem(function: wrapped, point: tensor.elements, shape: tensor.shape, isScalar: false)
        }
        guard tensor.rank <= 1, tensor.count == f.parameterNames.count else {
            throw error("at has \(tensor.count) number\(tensor.count == 1 ? "" : "s") but the function takes \(f.parameterNames.count) (\(f.parameterNames.joined(separator: ", ")))",
                        at: location(of: pointIndex))
        }
        return DifferentiationProblem(function: f, point: tensor.elements, shape: nil, isScalar: tensor.rank == 0)
    }

    /// A direction or second point matching `problem`'s point.
    func vector(_ index: Int, like problem: DifferentiationProblem, what: String) throws(LanguageError) -> [Double] {
        guard let tensor = positional[index].asTensor, tensor.count == problem.point.count else {
            throw error("\(what) must have \(problem.point.count) number\(problem.point.count == 1 ? "" : "s"), like the point",
                        at: location(of: index))
        }
        return tensor.elements
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

/// What a differentiation builtin works on: a scalar function of `point.count` numbers.
struct DifferentiationProblem {
    let function: any ScalarFunction
    let point: [Double]
    /// The tensor argument's shape, when the function takes one tensor.
    let shape: [Int]?
    /// `at` was a plain number.
    let isScalar: Bool

    /// A gradient as a value: a number for a number `at`, the tensor's shape for a tensor argument,
    /// otherwise a list with one entry per parameter.
    func gradientValue(_ gradient: [Double]) -> Value {
        if isScalar && gradient.count == 1 { return .number(gradient[0]) }
        if let shape { return .tensor(TensorValue(shape: shape, elements: gradient)) }
        return .tensor(TensorValue(gradient))
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
