import NBAutodiff

/// Elementary functions on numbers, dual numbers and (elementwise) tensors; `min`, `max`.
public enum MathBuiltins {
    public static let all: [Builtin] = ElementaryFunction.allCases.map(elementary) + [
        Builtin("min", usage: "min(a, b) or min(t)") { call throws(LanguageError) in try extremum(call, largest: false) },
        Builtin("max", usage: "max(a, b) or max(t)") { call throws(LanguageError) in try extremum(call, largest: true) },
    ]

    private static func elementary(_ function: ElementaryFunction) -> Builtin {
        Builtin(function.rawValue, usage: "\(function.rawValue)(x)") { call throws(LanguageError) in
            try call.expect(1)
            return try apply(function, call.positional[0], call: call)
        }
    }

    static func apply(_ function: ElementaryFunction, _ value: Value, call: BuiltinCall) throws(LanguageError) -> Value {
        switch value {
        case .number(let x): return .number(Double.apply(function, x))
        case .dual(let d): return .dual(DualNumber.apply(function, d))
        case .tensor, .range:
            guard let t = value.asTensor else { break }
            return Value.from(t.map { Double.apply(function, $0) })
        default: break
        }
        throw call.error("expects a number, dual number or tensor, got a \(value.typeName)", at: call.location(of: 0))
    }

    private static func extremum(_ call: BuiltinCall, largest: Bool) throws(LanguageError) -> Value {
        try call.expect(1...2)
        if call.positional.count == 1 {
            let t = try call.tensor(0, "the argument")
            guard !t.elements.isEmpty else { throw call.error("of an empty tensor") }
            let pick: (Double, Double) -> Double = largest ? { Swift.max($0, $1) } : { Swift.min($0, $1) }
            // NaN propagates: IEEE max/min would hide it.
            if t.elements.contains(where: \.isNaN) { return .number(.nan) }
            return .number(t.elements.dropFirst().reduce(t.elements[0], pick))
        }
        let a = call.positional[0], b = call.positional[1]
        if case .dual = a, let db = dualOperand(b), let da = dualOperand(a) {
            return .dual(largest ? DualNumber.maximumPropagatingNaN(da, db) : DualNumber.minimumPropagatingNaN(da, db))
        }
        if case .dual = b, let da = dualOperand(a), let db = dualOperand(b) {
            return .dual(largest ? DualNumber.maximumPropagatingNaN(da, db) : DualNumber.minimumPropagatingNaN(da, db))
        }
        let x = try call.tensor(0, "the first argument"), y = try call.tensor(1, "the second argument")
        let pick: (Double, Double) -> Double = largest
            ? { $0.isNaN || $1.isNaN ? .nan : ($0 >= $1 ? $0 : $1) }
            : { $0.isNaN || $1.isNaN ? .nan : ($0 <= $1 ? $0 : $1) }
        do {
            return Value.from(try TensorValue.zip(x, y, limit: call.budget, pick))
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
