import NBAutodiff

/// A dual number `value + derivative·ε` with ε² = 0 (forward mode on plain numbers).
///
/// The value the cell language's `dual(a, b)` creates and displays as `6 + 2ε`. Arithmetic follows
/// the sum, product and quotient rules; elementary functions lift as f(a) + f'(a)·b·ε.
public struct DualNumber: Sendable, Equatable, DifferentiableScalar {
    public var value: Double
    public var derivative: Double

    public init(value: Double, derivative: Double) {
        self.value = value
        self.derivative = derivative
    }

    public init(_ constant: Double) { self.init(value: constant, derivative: 0) }

    public static func + (a: Self, b: Self) -> Self { Self(value: a.value + b.value, derivative: a.derivative + b.derivative) }
    public static func - (a: Self, b: Self) -> Self { Self(value: a.value - b.value, derivative: a.derivative - b.derivative) }
    public static func * (a: Self, b: Self) -> Self {
        Self(value: a.value * b.value, derivative: a.derivative * b.value + a.value * b.derivative)
    }
    public static func / (a: Self, b: Self) -> Self {
        Self(value: a.value / b.value, derivative: (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value))
    }
    public static prefix func - (a: Self) -> Self { Self(value: -a.value, derivative: -a.derivative) }

    public static func power(_ base: Self, _ exponent: Self) -> Self {
        let value = ScalarMath.power(base.value, exponent.value)
        // d(a^b) = b a^(b-1) da + a^b log(a) db; the second term only when the exponent varies.
        var derivative = base.derivative == 0 ? 0 : exponent.value * ScalarMath.power(base.value, exponent.value - 1) * base.derivative
        if exponent.derivative != 0 { derivative += value * ScalarMath.apply(.log, base.value) * exponent.derivative }
        return Self(value: value, derivative: derivative)
    }

    public static func apply(_ function: ElementaryFunction, _ a: Self) -> Self {
        Self(value: ScalarMath.apply(function, a.value),
             derivative: a.derivative == 0 ? 0 : ScalarMath.derivative(function, a.value) * a.derivative)
    }

    public static func maximum(_ a: Self, _ b: Self) -> Self { a.value >= b.value ? a : b }
    public static func minimum(_ a: Self, _ b: Self) -> Self { a.value <= b.value ? a : b }
}
