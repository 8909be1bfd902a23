extension Tracked: DifferentiableScalar {
    /// The primal value's own primal value.
    @inlinable public var primalValue: Double? { value.primalValue }

    /// A value of this type, or of a level below it as a constant (recorded on no tape).
    @inlinable public static func lifting(_ value: any DifferentiableScalar) -> Tracked? {
        if let same = value as? Tracked { return same }
        guard let inner = Scalar.lifting(value) else { return nil }
        return .constant(inner)
    }

    /// A constant (recorded nowhere).
    @inlinable
    public init(_ constant: Double) {
        self = .constant(Scalar(constant))
    }

    @inlinable
    static func binary(_ lhs: Tracked, _ rhs: Tracked, value: Scalar, _ da: Scalar, _ db: Scalar) -> Tracked {
        guard let tape = sharedTape(lhs, rhs) else { return .constant(value) }
        let index = TapeStorage.record(tape.storage, lhs.index, da, rhs.index, db)
        return Tracked(value: value, index: index, slot: tape.slot, generation: tape.generation)
    }

    @inlinable
    static func unary(_ operand: Tracked, value: Scalar, _ partial: @autoclosure () -> Scalar) -> Tracked {
        guard let slot = operand.slot else { return .constant(value) }
        let storage = TapeRegistry.storage(slot, operand.generation, as: Scalar.self)
        let index = TapeStorage.record(storage, operand.index, partial(), 0, Scalar(0))
        return Tracked(value: value, index: index, slot: slot, generation: operand.generation)
    }

    /// Records `lhs + rhs` (partials 1, 1).
    @inlinable
    public static func + (lhs: Tracked, rhs: Tracked) -> Tracked {
        binary(lhs, rhs, value: lhs.value + rhs.value, Scalar(1), Scalar(1))
    }

    /// Records `lhs - rhs` (partials 1, -1).
    @inlinable
    public static func - (lhs: Tracked, rhs: Tracked) -> Tracked {
        binary(lhs, rhs, value: lhs.value - rhs.value, Scalar(1), Scalar(-1))
    }

    /// Records `lhs * rhs` (partials rhs, lhs).
    @inlinable
    public static func * (lhs: Tracked, rhs: Tracked) -> Tracked {
        binary(lhs, rhs, value: lhs.value * rhs.value, rhs.value, lhs.value)
    }

    /// Records `lhs / rhs` (partials 1/rhs, -lhs/rhs²).
    @inlinable
    public static func / (lhs: Tracked, rhs: Tracked) -> Tracked {
        let reciprocal = Scalar(1) / rhs.value
        let quotient = lhs.value * reciprocal
        return binary(lhs, rhs, value: quotient, reciprocal, -quotient * reciprocal)
    }

    /// Records `lhs - rhs` (partials 1, -1).
    @inlinable
    public static prefix func - (operand: Tracked) -> Tracked {
        unary(operand, value: -operand.value, Scalar(-1))
    }

    /// `u^v`; with a constant exponent only `v·u^(v−1)` is recorded (no `log(u)`).
    @inlinable
    public static func power(_ base: Tracked, _ exponent: Tracked) -> Tracked {
        let value = Scalar.power(base.value, exponent.value)
        if exponent.slot == nil {
            return unary(base, value: value,
                         exponent.value * Scalar.power(base.value, exponent.value - Scalar(1)))
        }
        let dBase = base.slot == nil ? Scalar(0)
            : exponent.value * Scalar.power(base.value, exponent.value - Scalar(1))
        // Where u^v is 0, ∂/∂v = u^v·log u is its limit 0, not 0·(−inf).
        let dExponent = value.isZero ? Scalar(0) : value * Scalar.apply(.log, base.value)
        return binary(base, exponent, value: value, dBase, dExponent)
    }

    /// Records `f(operand)` with partial `f′(operand)`.
    @inlinable
    public static func apply(_ function: ElementaryFunction, _ operand: Tracked) -> Tracked {
        let value = Scalar.apply(function, operand.value)
        return unary(operand, value: value, function.derivative(at: operand.value, value: value))
    }

    /// The larger value; the derivative follows `lhs` at a tie.
    @inlinable
    public static func maximumPropagatingNaN(_ lhs: Tracked, _ rhs: Tracked) -> Tracked {
        let takeRight = Scalar.step(rhs.value - lhs.value)
        return binary(lhs, rhs, value: Scalar.maximumPropagatingNaN(lhs.value, rhs.value), Scalar(1) - takeRight, takeRight)
    }

    /// The smaller value; the derivative follows `lhs` at a tie.
    @inlinable
    public static func minimumPropagatingNaN(_ lhs: Tracked, _ rhs: Tracked) -> Tracked {
        let takeRight = Scalar.step(lhs.value - rhs.value)
        return binary(lhs, rhs, value: Scalar.minimumPropagatingNaN(lhs.value, rhs.value), Scalar(1) - takeRight, takeRight)
    }

    /// A constant `sign(value)`.
    @inlinable
    public static func sign(_ operand: Tracked) -> Tracked {
        .constant(Scalar.sign(operand.value))
    }

    /// True for a constant zero.
    @inlinable
    public var isZero: Bool { slot == nil && value.isZero }
}
