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
    static func maximum(_ lhs: Self, _ rhs: Self) -> Self
    /// The smaller of two values; at a tie the derivative follows `lhs`.
    static func minimum(_ lhs: Self, _ rhs: Self) -> Self
}

/// A scalar function of named scalar parameters whose body can be evaluated on any
/// `DifferentiableScalar` — the bridge between the cell language and the engine.
public protocol ScalarFunction {
    /// Parameter names, in call order.
    var parameterNames: [String] { get }
    /// Evaluates the body with `arguments[i]` bound to `parameterNames[i]`.
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S
}

/// A function from scalars to a vector of scalars (for Jacobians).
public protocol VectorFunction {
    var parameterNames: [String] { get }
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> [S]
}
