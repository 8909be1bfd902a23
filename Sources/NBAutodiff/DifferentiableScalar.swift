/// The elementary functions every interpretation of a function body must provide (SPEC §4).
public enum ElementaryFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, asin, acos, atan, exp, log, sqrt, abs, tanh, sigmoid, relu, softplus
}

/// A number-like type that a function body can be evaluated on.
///
/// One function body, many interpretations (as in JAX): the same generic evaluation runs on
/// `Double` (values), `Dual` (forward mode), `Tracked` (the reverse-mode tape),
/// `Complex<Double>` (complex step) and `SymbolicExpression` (symbolic differentiation).
public protocol DifferentiableScalar {
    /// Lifts a constant (its derivative is zero).
    init(_ constant: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    /// `base ^ exponent`; the exponent may itself vary.
    static func power(_ base: Self, _ exponent: Self) -> Self
    /// Applies an elementary function.
    static func apply(_ function: ElementaryFunction, _ operand: Self) -> Self
    /// The larger of two values; at a tie the derivative follows `lhs`.
    static func maximumPropagatingNaN(_ lhs: Self, _ rhs: Self) -> Self
    /// The smaller of two values; at a tie the derivative follows `lhs`.
    static func minimumPropagatingNaN(_ lhs: Self, _ rhs: Self) -> Self
    /// The sign of the (real part of the) value: -1, 0 or 1, nan for nan; its derivative is zero.
    ///
    /// Used by the derivative rules of the kinks (`abs′ = sign`, `relu′ = step`, max/min
    /// selection). Added by the engine with a default of `x / abs(x)` (nan at 0), which every
    /// engine type overrides with an exact version.
    static func sign(_ operand: Self) -> Self
    /// True when the value is exactly zero, including every derivative part.
    ///
    /// Lets derivative rules skip terms whose tangent is structurally zero (so `x^2` at 0 has
    /// derivative 0, not `0 * log(0) = nan`). Defaults to `false` (never skip).
    var isZero: Bool { get }
    /// The Heaviside step with `step(0) = 0` (the derivative of relu); its derivative is zero.
    /// Added by the engine with a default built from `sign`.
    static func step(_ operand: Self) -> Self
    /// The plain number this value stands for: its primal value, through every level of nesting
    /// (the real part of a complex step); nil when there is none (a symbolic expression with
    /// variables). Comparisons and branches of a differentiated program follow it.
    var primalValue: Double? { get }
    /// `value` as a constant of this type when it belongs to a level this type is built on (a
    /// `Double` or `Dual<Double>` inside `Dual<Dual<Double>>`), itself when it has this type,
    /// otherwise nil. This is how a value from an enclosing differentiation enters an inner
    /// one without perturbation confusion.
    static func lifting(_ value: any DifferentiableScalar) -> Self?
}

extension DifferentiableScalar {
    /// Default: only a value of this very type (or a `Double`, as a constant) can be lifted.
    @inlinable public static func lifting(_ value: any DifferentiableScalar) -> Self? {
        if let same = value as? Self { return same }
        if let number = value as? Double { return Self(number) }
        return nil
    }
    /// Default: `x / abs(x)`; nan at 0. Engine types provide exact versions.
    @inlinable public static func sign(_ operand: Self) -> Self { operand / apply(.abs, operand) }
    /// Default: `false`, so no term is ever skipped.
    @inlinable public var isZero: Bool { false }
    /// Default: `(sign² + sign)/2`, i.e. 1 for positive, 0 otherwise.
    @inlinable public static func step(_ operand: Self) -> Self {
        let s = sign(operand)
        return (s * s + s) * Self(0.5)
    }
}

/// A scalar function of named scalar parameters whose body can be evaluated on any
/// `DifferentiableScalar` — the bridge between the cell language and the engine.
public protocol ScalarFunction {
    /// Parameter names, in call order.
    var parameterNames: [String] { get }
    /// How many parameters there are (without building their names).
    var parameterCount: Int { get }
    /// Evaluates the body with `arguments[i]` bound to `parameterNames[i]`.
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S
}

extension ScalarFunction {
    /// Default: the number of names.
    public var parameterCount: Int { parameterNames.count }
}

/// A function from scalars to a vector of scalars (for Jacobians).
public protocol VectorFunction {
    var parameterNames: [String] { get }
    /// How many parameters there are (without building their names).
    var parameterCount: Int { get }
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> [S]
}

extension VectorFunction {
    /// Default: the number of names.
    public var parameterCount: Int { parameterNames.count }
}
