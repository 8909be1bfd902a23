import NBLearning
import NBAutodiff

/// Elementary functions on numbers, dual numbers and (elementwise) tensors; `min`, `max`.
public enum MathBuiltins {
    public static let all: [Builtin] = ElementaryFunction.allCases.map(elementary) + [
        Builtin("min", .mathematics,
            summary: "The elementwise smaller of two numbers or tensors (broadcasting), or the smallest element of one tensor.",
            parameters: extremumParameters, alternatives: extremumAlternatives, discussion: extremumDiscussion,
            examples: [
                BuiltinExample("min", #"""
                min(3, 2)
                min([4, 1, 3])
                """#, output: #"""
                2
                1
                """#),
            ]) { call throws(LanguageError) in try extremum(call, largest: false) },
        Builtin("max", .mathematics,
            summary: "The elementwise larger of two numbers or tensors (broadcasting), or the largest element of one tensor.",
            parameters: extremumParameters, alternatives: extremumAlternatives, discussion: extremumDiscussion,
            examples: [
                BuiltinExample("minmax", #"""
                max([1, 5, 2])
                max([1, -2, 3], 0)
                grad(x -> max(x, 1), 3)
                """#, output: #"""
                5
                [1, 0, 3]
                1
                """#),
            ]) { call throws(LanguageError) in try extremum(call, largest: true) },
    ]

    /// `min(a, b)` and `max(a, b)`: two numbers or tensors (broadcasting) …
    private static let extremumParameters: [BuiltinParameter] = [.positional("a", .numeric), .positional("b", .numeric)]
    /// … or `min(t)`, `max(t)`: one tensor.
    private static let extremumAlternatives: [[BuiltinParameter]] = [[.positional("t", .tensor)]]
    private static let extremumDiscussion = "nan propagates. Differentiable: the derivative follows the argument chosen (the first one at a tie)."

    private static func elementary(_ function: ElementaryFunction) -> Builtin {
        let (summary, example, output) = reference(function)
        return Builtin(function.rawValue, .mathematics, summary: summary, parameters: [.positional("x", .numeric)],
                       examples: [BuiltinExample(function.rawValue, example, output: output)]) { call throws(LanguageError) in
            try apply(function, call.positional[0], call: call)
        }
    }

    /// The reference entry of an elementary function: its summary, an example and its output.
    private static func reference(_ function: ElementaryFunction) -> (String, String, String) {
        switch function {
        case .sin: ("Sine.", "sin(pi / 2)", "1")
        case .cos: ("Cosine.", "cos(0)", "1")
        case .tan: ("Tangent.", "tan(0)", "0")
        case .asin: ("Arc sine.", "asin(1)", "1.570796327")
        case .acos: ("Arc cosine.", "acos(1)", "0")
        case .atan: ("Arc tangent.", "atan(1)", "0.7853981634")
        case .exp: ("eˣ.", "exp(1)", "2.718281828")
        case .log: ("Natural logarithm (nan below 0, -inf at 0).", "log(1)", "0")
        case .sqrt: ("Square root.", "sqrt(2)", "1.414213562")
        case .abs: ("Absolute value (derivative: the sign, 0 at 0).", "abs(-3)", "3")
        case .tanh: ("Hyperbolic tangent.", "tanh(0)", "0")
        case .sigmoid: ("1 / (1 + e⁻ˣ).", "sigmoid(0)", "0.5")
        case .relu: ("max(x, 0), elementwise on a tensor (derivative 0 at 0).", "relu(-2)\nrelu([-1, 0, 2])", "0\n[0, 0, 2]")
        case .softplus: ("log(1 + eˣ).", "softplus(0)", "0.6931471806")
        }
    }

    static func apply(_ function: ElementaryFunction, _ value: Value, call: BuiltinCall) throws(LanguageError) -> Value {
        switch value {
        case .number(let x): return .number(Double.apply(function, x))
        case .dual(let d): return .dual(DualNumber.apply(function, d))
        case .tensor, .range:
            guard let t = value.asTensor else { break }
            return Value.from(t.map(.elementary(function)))
        default: break
        }
        throw call.error("expects a number, dual number or tensor, got a \(value.typeName)", at: call.location(of: 0))
    }

    private static func extremum(_ call: BuiltinCall, largest: Bool) throws(LanguageError) -> Value {
        if call.positional.count == 1 {
            let t = try call.tensor(0, "the argument")
            guard !t.scalars.isEmpty else { throw call.error("of an empty tensor") }
            // The reduction kernel propagates nan (IEEE max/min would hide it).
            do { return Value.from(try TensorError.catching { try largest ? t.max() : t.min() }) } catch { throw call.tensorError(error) }
        }
        let a = call.positional[0], b = call.positional[1]
        if case .dual = a, let db = dualOperand(b), let da = dualOperand(a) {
            return .dual(largest ? DualNumber.maximumPropagatingNaN(da, db) : DualNumber.minimumPropagatingNaN(da, db))
        }
        if case .dual = b, let da = dualOperand(a), let db = dualOperand(b) {
            return .dual(largest ? DualNumber.maximumPropagatingNaN(da, db) : DualNumber.minimumPropagatingNaN(da, db))
        }
        let x = try call.tensor(0, "the first argument"), y = try call.tensor(1, "the second argument")
        do {
            if x.shape != y.shape { try call.budget.check(try Broadcasting.shape(x.shape, y.shape)) }
            return Value.from(try TensorError.catching { try x.combined(with: y, largest ? .maximum : .minimum) })
        } catch {
            throw call.tensorError(error)
        }
    }

    private static func dualOperand(_ value: Value) -> DualNumber? {
        switch value {
        case .dual(let d): return d
        case .number(let x): return DualNumber.constant(x)
        default: return nil
        }
    }
}
