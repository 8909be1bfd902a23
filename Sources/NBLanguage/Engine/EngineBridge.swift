import NBAutodiff

/// The one place where the cell language calls the differentiation engine.
///
/// Every differentiation builtin goes through these functions, so the engine's API is wired in
/// one file.
enum EngineBridge {
    /// Plain evaluation of a scalar function.
    static func value(_ f: any ScalarFunction, at point: [Double]) throws -> Double {
        try f.evaluate(point.map { DualNumber($0) }).value
    }

    /// Forward-mode directional derivative: f(x) and ∇f(x)·v with dual numbers.
    static func jvp(_ f: any ScalarFunction, at point: [Double], direction: [Double]) throws -> (value: Double, derivative: Double) {
        let result = try f.evaluate(zip(point, direction).map { DualNumber(value: $0, derivative: $1) })
        return (result.value, result.derivative)
    }

    /// Calls a symbolic function with numbers or dual numbers.
    static func callSymbolic(_ s: SymbolicValue, arguments: [Value], labels: [String?], at location: SourceLocation) throws(LanguageError) -> Value {
        guard arguments.count == s.parameters.count, labels.allSatisfy({ $0 == nil }) else {
            throw LanguageError(.runtime, "\(s.name) expects \(s.parameters.count) argument\(s.parameters.count == 1 ? "" : "s") without labels, got \(arguments.count)",
                                at: location, hint: "\(s.name)(\(s.parameters.joined(separator: ", ")))")
        }
        var duals: [DualNumber] = []
        var anyDual = false
        for argument in arguments {
            switch argument {
            case .number(let x): duals.append(DualNumber(x))
            case .dual(let d): duals.append(d); anyDual = true
            default:
                throw LanguageError(.runtime, "\(s.name) takes numbers or dual numbers, got a \(argument.typeName)", at: location)
            }
        }
        do {
            let result = try s.function.evaluate(duals)
            return anyDual ? .dual(result) : .number(result.value)
        } catch let error as LanguageError {
            throw error
        } catch {
            throw LanguageError(.runtime, "\(s.name): \(error)", at: location)
        }
    }
}
