import NBDocument
import NBAutodiff

/// The one place where the cell language calls the differentiation engine.
///
/// Every differentiation builtin goes through these functions, so the engine's API is wired in
/// one file. Errors come back as the engine's `AutodiffError` or as the function body's own
/// `LanguageError`.
enum EngineBridge {
    /// Reverse mode: the value and the gradient from one sweep. `B` is the number type of the
    /// interpretation the call runs in (`Double` outside any differentiation).
    static func valueAndGradient<B: DifferentiableScalar>(_ f: TracedFunction, at point: [B]) throws -> (value: B, gradient: [B]) {
        // Over plain numbers the engine's (inlinable) sweep is compiled here for `Double`.
        if B.self == Double.self {
            let (value, gradient) = try NBAutodiff.valueAndGradient(of: f, at: unsafeBitCast(point, to: [Double].self))
            return (unsafeBitCast(value, to: B.self), unsafeBitCast(gradient, to: [B].self))
        }
        return try NBAutodiff.valueAndGradient(of: f, at: point)
    }

    /// Forward-mode directional derivative.
    static func jvp<B: DifferentiableScalar>(_ f: any ScalarFunction, at point: [B], direction: [B]) throws -> B {
        try NBAutodiff.jvp(of: f, at: point, direction: direction)
    }

    static func numericGradient(_ f: any ScalarFunction, at point: [Double], step: Double?, scheme: DifferenceScheme) throws -> [Double] {
        try NBAutodiff.numericGradient(of: f, at: point, step: step, scheme: scheme)
    }

    static func hessian<B: DifferentiableScalar>(_ f: any ScalarFunction, at point: [B]) throws -> [[B]] {
        try NBAutodiff.hessian(of: f, at: point)
    }

    static func jacobian<B: DifferentiableScalar>(_ f: any VectorFunction, at point: [B]) throws -> [[B]] {
        try NBAutodiff.jacobian(of: f, at: point)
    }

    static func hSweep(_ f: any ScalarFunction, at point: [Double], scheme: DifferenceScheme) throws -> HSweep {
        try NBAutodiff.hSweep(of: f, at: point, scheme: scheme)
    }

    /// The symbolic derivative of `f` with respect to `parameter`, simplified; named after `name`.
    static func symbolicDerivative(_ f: any ScalarFunction, name: String, withRespectTo parameter: String) throws -> SymbolicValue {
        let base = try (f as? SymbolicFunction) ?? SymbolicFunction(of: f, name: name)
        return SymbolicValue(try base.derivative(withRespectTo: parameter))
    }

    /// Every method's gradient at `point`, compared against central differences.
    static func gradientTable(_ f: any ScalarFunction, at point: [Double], rtol: Double, atol: Double) throws -> GradientTable {
        try NBAutodiff.gradientTable(of: f, at: point, rtol: rtol, atol: atol)
    }

    /// Calls a symbolic function with numbers or dual numbers.
    static func callSymbolic(_ s: SymbolicValue, arguments: [Value], labels: [String?], at location: TextLocation) throws(LanguageError) -> Value {
        guard arguments.count == s.parameters.count, labels.allSatisfy({ $0 == nil }) else {
            throw LanguageError(.runtime, "\(s.name) expects \(s.parameters.count) argument\(s.parameters.count == 1 ? "" : "s") without labels, got \(arguments.count)",
                                at: location, hint: "\(s.name)(\(s.parameters.joined(separator: ", ")))")
        }
        do {
            for argument in arguments {
                if case .traced(let box) = argument, let result = try box.storage.calling(s.function, arguments) { return result }
            }
            if arguments.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
                let numbers = arguments.map { if case .number(let x) = $0 { return x } else { return 0 } }
                return .number(try s.function.evaluate(numbers))
            }
            var duals: [DualNumber] = []
            for argument in arguments {
                switch argument {
                case .number(let x): duals.append(DualNumber.constant(x))
                case .dual(let d): duals.append(d)
                default:
                    throw LanguageError(.runtime, "\(s.name) takes numbers or dual numbers, got a \(argument.typeName)", at: location)
                }
            }
            return .dual(try s.function.evaluate(duals))
        } catch let error as LanguageError {
            throw error
        } catch {
            throw LanguageError(.runtime, "\(s.name): \(error)", at: location)
        }
    }
}
