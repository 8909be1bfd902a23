/// A dual number `value + tangent·ε` with `ε² = 0`: forward-mode differentiation.
///
/// `T` may itself be a `Dual`, which gives higher derivatives. The nesting level is the
/// perturbation tag: in `Dual<Dual<Double>>` the outer ε and the inner ε are different types,
/// so a value that is constant for an inner derivative must be lifted explicitly
/// (`Dual.constant(x)`) and can never be mistaken for that derivative's own perturbation
/// (no perturbation confusion: d/dx [x · d/dy (x + y)] = 1).
public struct Dual<T: DifferentiableScalar> {
    /// The primal value `a` of `a + bε`.
    public var value: T
    /// The tangent (derivative part) `b` of `a + bε`.
    public var tangent: T

    /// `value + tangent·ε`.
    @inlinable
    public init(_ value: T, tangent: T) {
        self.value = value
        self.tangent = tangent
    }

    /// A constant at this level: `value + 0ε` (how a value from an enclosing derivative
    /// enters an inner one).
    @inlinable
    public static func constant(_ value: T) -> Dual {
        Dual(value, tangent: T(0))
    }

    /// The independent variable at `value`: `value + 1ε`.
    @inlinable
    public static func variable(_ value: T) -> Dual {
        Dual(value, tangent: T(1))
    }
}

extension Dual: Equatable where T: Equatable {}
extension Dual: Hashable where T: Hashable {}
extension Dual: Sendable where T: Sendable {}

/// The derivative of `body` at `x`, by one forward sweep on a `Dual<T>`.
///
/// Nest calls for higher derivatives; a value from an enclosing derivative enters an inner one
/// as a constant `Dual.constant(x)`.
@inlinable
public func derivative<T: DifferentiableScalar>(
    at x: T, of body: (Dual<T>) throws -> Dual<T>
) rethrows -> T {
    try body(Dual.variable(x)).tangent
}
