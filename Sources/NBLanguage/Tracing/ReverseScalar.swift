import NBAutodiff

/// The number of the commonest differentiation — `grad` of a function of numbers records
/// `Tracked<Double>` on a tape — handled with that concrete type, so that an operation of a
/// differentiated loop (`y = y * 0.999 + sin(y)`) costs one specialised tape record instead of a
/// call through `TracedStorage` into unspecialised generic code. The semantics are those of
/// `TracedScalar<Tracked<Double>>`, whose values these are.
enum ReverseScalar {
    typealias Number = Tracked<Double>

    /// The value as a number of this interpretation: plain numbers as constants, nil for anything
    /// else (tensors, other interpretations).
    @inline(__always)
    static func operand(_ value: Value) -> Number? {
        switch value {
        case .number(let x): return Number(x)
        case .traced(let box): return box.reverseScalar
        default: return nil
        }
    }

    @inline(__always)
    static func value(_ number: Number) -> Value { .traced(TracedBox(reverse: number)) }

    /// `lhs op rhs` for arithmetic operators when both operands are numbers of this
    /// interpretation (at least one of them traced); nil when the general path must decide.
    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value? {
        guard let a = operand(lhs), let b = operand(rhs) else { return nil }
        switch op {
        case .add: return value(a + b)
        case .subtract: return value(a - b)
        case .multiply: return value(a * b)
        case .divide: return value(a / b)
        case .power: return value(Number.power(a, b))
        default: return nil
        }
    }

    /// `f(x)` for an elementary function of a traced number of this interpretation, else nil.
    static func apply(_ function: ElementaryFunction, _ argument: Value) -> Value? {
        guard case .traced(let box) = argument, let x = box.reverseScalar else { return nil }
        return value(Number.apply(function, x))
    }
}

extension TracedStorage {
    /// The value as `Tracked<Double>` when it is a number of that interpretation.
    var reverseScalar: Tracked<Double>? { nil }
}
