extension Dual: DifferentiableScalar {
    /// The primal value's own primal value.
    @inlinable public var primalValue: Double? { value.primalValue }

    /// A value of this type, or of a level below it as a constant (`Dual.constant`).
    @inlinable public static func lifting(_ value: any DifferentiableScalar) -> Dual? {
        if let same = value as? Dual { return same }
        guard let inner = T.lifting(value) else { return nil }
        return Dual.constant(inner)
    }

    /// A constant: `constant + 0ε`.
    @inlinable
    public init(_ constant: Double) {
        self.init(T(constant), tangent: T(0))
    }

    /// Sum rule: `(a + bε) + (c + dε) = (a + c) + (b + d)ε`.
    @inlinable
    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value + rhs.value, tangent: lhs.tangent + rhs.tangent)
    }

    /// Difference rule: `(a − c) + (b − d)ε`.
    @inlinable
    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(lhs.value - rhs.value, tangent: lhs.tangent - rhs.tangent)
    }

    /// Product rule: `(a + bε)(c + dε) = ac + (bc + ad)ε`. A term whose tangent is exactly zero
    /// is skipped, so an infinite value times a constant keeps its limit (`inf·0` would be nan):
    /// the second derivative of `sqrt` at 0 is `-inf`, not nan.
    @inlinable
    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        let tangent: T
        if lhs.tangent.isZero {
            tangent = rhs.tangent.isZero ? T(0) : lhs.value * rhs.tangent
        } else {
            tangent = rhs.tangent.isZero ? lhs.tangent * rhs.value : lhs.tangent * rhs.value + lhs.value * rhs.tangent
        }
        return Dual(lhs.value * rhs.value, tangent: tangent)
    }

    /// Quotient via the reciprocal rule `1/(c + dε) = 1/c − (d/c²)ε`:
    /// `(a + bε)/(c + dε) = a/c + ((b − (a/c)·d)/c)ε`, skipping a zero tangent's term as `*` does.
    @inlinable
    public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let quotient = lhs.value / rhs.value
        let tangent: T
        if rhs.tangent.isZero {
            tangent = lhs.tangent.isZero ? T(0) : lhs.tangent / rhs.value
        } else {
            tangent = lhs.tangent.isZero ? -(quotient * rhs.tangent) / rhs.value
                : (lhs.tangent - quotient * rhs.tangent) / rhs.value
        }
        return Dual(quotient, tangent: tangent)
    }

    /// Difference rule: `(a − c) + (b − d)ε`.
    @inlinable
    public static prefix func - (operand: Dual) -> Dual {
        Dual(-operand.value, tangent: -operand.tangent)
    }

    /// `u^v`: tangent `v·u^(v−1)·u̇ + u^v·log(u)·v̇`; a term whose tangent is exactly zero is
    /// skipped, so a constant exponent never evaluates `log(u)` (x² at x ≤ 0 stays finite). Where
    /// `u^v` is 0 the second term is its limit 0 (`u^v·log u → 0` as u → 0⁺), not `0·(−inf)`.
    @inlinable
    public static func power(_ base: Dual, _ exponent: Dual) -> Dual {
        let value = T.power(base.value, exponent.value)
        var tangent = T(0)
        if !base.tangent.isZero {
            tangent = exponent.value * T.power(base.value, exponent.value - T(1)) * base.tangent
        }
        if !exponent.tangent.isZero, !value.isZero {
            tangent = tangent + value * T.apply(.log, base.value) * exponent.tangent
        }
        return Dual(value, tangent: tangent)
    }

    /// Lifts `f` as `f(a) + f′(a)·b·ε` (a constant stays a constant).
    @inlinable
    public static func apply(_ function: ElementaryFunction, _ operand: Dual) -> Dual {
        let value = T.apply(function, operand.value)
        if operand.tangent.isZero { return Dual(value, tangent: T(0)) }
        return Dual(value, tangent: function.derivative(at: operand.value, value: value) * operand.tangent)
    }

    /// The larger value; the tangent follows `lhs` at a tie.
    @inlinable
    public static func maximumPropagatingNaN(_ lhs: Dual, _ rhs: Dual) -> Dual {
        let takeRight = T.step(rhs.value - lhs.value)
        return Dual(T.maximumPropagatingNaN(lhs.value, rhs.value),
                    tangent: select(takeRight, lhs.tangent, rhs.tangent))
    }

    /// The smaller value; the tangent follows `lhs` at a tie.
    @inlinable
    public static func minimumPropagatingNaN(_ lhs: Dual, _ rhs: Dual) -> Dual {
        let takeRight = T.step(lhs.value - rhs.value)
        return Dual(T.minimumPropagatingNaN(lhs.value, rhs.value),
                    tangent: select(takeRight, lhs.tangent, rhs.tangent))
    }

    /// `(1 − w)·a + w·b` for a weight `w` that is 0 or 1, without forming `0·inf`.
    @inlinable
    static func select(_ takeRight: T, _ lhs: T, _ rhs: T) -> T {
        if takeRight.isZero { return lhs }
        if (T(1) - takeRight).isZero { return rhs }
        return (T(1) - takeRight) * lhs + takeRight * rhs
    }

    /// `sign(a) + 0ε`.
    @inlinable
    public static func sign(_ operand: Dual) -> Dual {
        Dual(T.sign(operand.value), tangent: T(0))
    }

    /// True when both value and tangent are exactly zero.
    @inlinable
    public var isZero: Bool { value.isZero && tangent.isZero }
}
