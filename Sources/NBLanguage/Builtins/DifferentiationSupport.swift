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
        case .builtin(let name) where ElementaryFunction(rawValue: name) != nil:
            let at = self.location(of: index)
            let x = Expr(.identifier("x"), at: at)
            let body = Expr(.call(Expr(.identifier(name), at: at), [Argument(label: nil, value: x, location: at)]), at: at)
            return UserScalarFunction(function: FunctionValue(name: name, parameters: ["x"], body: body, location: at),
                                      interpreter: interpreter, location: location)
        default:
            throw error("the first argument must be a function of numbers, got a \(value.typeName)", at: self.location(of: index))
        }
    }

    /// The display name of the function argument (`f`, or `lambda`).
    func functionName(_ index: Int) -> String {
        switch positional[index] {
        case .function(let f): return f.name ?? "lambda"
        case .symbolic(let s): return s.name
        case .builtin(let name): return name
        default: return "f"
        }
    }

    /// A point: a number for a one-parameter function, or a list of the scalar arguments.
    func point(_ index: Int, for f: any ScalarFunction, what: String = "at") throws(LanguageError) -> [Double] {
        let value = positional[index]
        guard let tensor = value.asTensor, tensor.rank <= 1 else {
            throw error("\(what) must be a number or a list of numbers (one per parameter), got a \(value.typeName)",
                        at: location(of: index))
        }
        guard tensor.count == f.parameterNames.count else {
            throw error("\(what) has \(tensor.count) number\(tensor.count == 1 ? "" : "s") but the function takes \(f.parameterNames.count) (\(f.parameterNames.joined(separator: ", ")))",
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

    /// A gradient as a value: a number for one parameter when `at` was a number, else a tensor.
    func gradientValue(_ gradient: [Double], scalar: Bool) -> Value {
        scalar && gradient.count == 1 ? .number(gradient[0]) : .tensor(TensorValue(gradient))
    }

    func isScalarPoint(_ index: Int) -> Bool {
        if case .number = positional[index] { return true }
        return false
    }
}
