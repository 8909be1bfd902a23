import NBAutodiff

/// The one place where the cell language calls the differentiation engine.
///
/// Every differentiation builtin goes through these functions, so the engine's API is wired in
/// one file. Errors come back as the engine's `AutodiffError` or as the function body's own
/// `LanguageError`.
enum EngineBridge {
    /// Plain evaluation.
    static func value(_ f: any ScalarFunction, at point: [Double]) throws -> Double {
        try f.evaluate(point)
    }

    /// Reverse mode.
    static func gradient(_ f: any ScalarFunction, at point: [Double]) throws -> [Double] {
        try NBAutodiff.gradient(of: f, at: point)
    }

    /// Forward mode, one dual-number sweep per coordinate.
    static func forwardGradient(_ f: any ScalarFunction, at point: [Double]) throws -> [Double] {
        try NBAutodiff.forwardGradient(of: f, at: point)
    }

    /// Forward-mode directional derivative.
    static func jvp(_ f: any ScalarFunction, at point: [Double], direction: [Double]) throws -> Double {
        try NBAutodiff.jvp(of: f, at: point, direction: direction)
    }

    static func numericGradient(_ f: any ScalarFunction, at point: [Double], step: Double?, scheme: DifferenceScheme) throws -> [Double] {
        try NBAutodiff.numericGradient(of: f, at: point, step: step, scheme: scheme)
    }

    static func hessian(_ f: any ScalarFunction, at point: [Double]) throws -> [[Double]] {
        try NBAutodiff.hessian(of: f, at: point)
    }

    static func jacobian(_ f: any VectorFunction, at point: [Double]) throws -> [[Double]] {
        try NBAutodiff.jacobian(of: f, at: point)
    }

    static func hSweep(_ f: any ScalarFunction, at point: [Double], scheme: DifferenceScheme) throws -> HSweep {
        try NBAutodiff.hSweep(of: f, at: point, scheme: scheme)
    }

    /// The symbolic derivative of `f` with respect to `parameter`, or nil while the engine has no
    /// symbolic interpretation.
    static func symbolicDerivative(_ f: any ScalarFunction, name: String, withRespectTo parameter: String) throws -> SymbolicValue? {
        nil
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
            case .number(let x): duals.append(DualNumber.constant(x))
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
