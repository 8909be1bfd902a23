import ComplexModule
import Foundation

/// `Complex<Double>` as a scalar, for the complex-step derivative `f′(x) ≈ Im f(x + ih) / h`.
///
/// The analytic functions use swift-numerics. The kinks are continued from the real axis so
/// that the imaginary part carries the same one-sided derivative the other methods use:
/// - `abs(z) = sign(Re z)·z` (so `abs′(0) = 0`),
/// - `relu(z) = z` when `Re z > 0`, else `0` (so `relu′(0) = 0`),
/// - `max`/`min` compare real parts and return a whole operand (ties follow `lhs`),
/// - `sign(z) = sign(Re z)` (a real constant),
/// - `sigmoid`/`softplus` use the overflow-safe branch chosen by the sign of `Re z`,
/// - `z^n` for an integer real exponent uses repeated multiplication (exact branch, no `log`).
extension Complex: DifferentiableScalar where RealType == Double {
    /// The real part (a complex step's imaginary part carries the derivative).
    public var primalValue: Double? { real }

    /// `z^w`: repeated multiplication for integer real exponents, else `exp(w·log z)`.
    public static func power(_ base: Complex, _ exponent: Complex) -> Complex {
        if exponent.imaginary == 0, exponent.real == exponent.real.rounded(), Swift.abs(exponent.real) <= 1024 {
            return integerPower(base, Int(exponent.real))
        }
        return Complex.pow(base, exponent)
    }

    private static func integerPower(_ base: Complex, _ n: Int) -> Complex {
        var result = Complex(1.0)
        var square = base
        var k = Swift.abs(n)
        while k > 0 {
            if k & 1 == 1 { result = result * square }
            square = square * square
            k >>= 1
        }
        return n < 0 ? Complex(1.0) / result : result
    }

    /// The analytic continuation of each elementary function (kinks: see the type's notes).
    public static func apply(_ function: ElementaryFunction, _ z: Complex) -> Complex {
        switch function {
        case .sin: return .sin(z)
        case .cos: return .cos(z)
        case .tan: return .tan(z)
        case .asin: return .asin(z)
        case .acos: return .acos(z)
        case .atan: return arctangent(z)
        case .exp: return .exp(z)
        case .log: return .log(z)
        case .sqrt: return .sqrt(z)
        case .abs: return sign(z) * z
        case .tanh: return hyperbolicTangent(z)
        case .sigmoid:
            if z.real >= 0 { return Complex(1.0) / (Complex(1.0) + .exp(-z)) }
            let e = Complex.exp(z)
            return e / (Complex(1.0) + e)
        case .relu:
            if z.real.isNaN { return z }
            return z.real > 0 ? z : Complex(0.0)
        case .softplus:
            if z.real > 0 { return z + .log(onePlus: .exp(-z)) }
            return .log(onePlus: .exp(z))
        }
    }

    /// `atan(x + iy)` with `Re = atan2(2x, 1 − x² − y²)/2` and
    /// `Im = log1p(4y / (x² + (1 − y)²))/4`, accurate for tiny `y` (swift-numerics goes
    /// through `log(1 + iz) − log(1 − iz)`, which cancels the imaginary part away).
    private static func arctangent(_ z: Complex) -> Complex {
        let x = z.real, y = z.imaginary
        let real = Foundation.atan2(2 * x, (1 - x) * (1 + x) - y * y) / 2
        let imaginary = Foundation.log1p(4 * y / (x * x + (1 - y) * (1 - y))) / 4
        return Complex(real, imaginary)
    }

    /// `tanh(x + iy) = (sinh 2x + i·sin 2y) / (cosh 2x + cos 2y)`, componentwise accurate
    /// (swift-numerics divides `sinh(z)/cosh(z)`, which blurs a tiny imaginary part).
    private static func hyperbolicTangent(_ z: Complex) -> Complex {
        let x = z.real, y = z.imaginary
        if Swift.abs(x) > 20 {
            // cosh 2x ≈ e^{2|x|}/2 dominates the denominator.
            return Complex(Foundation.tanh(x), 2 * Foundation.sin(2 * y) * Foundation.exp(-2 * Swift.abs(x)))
        }
        let denominator = Foundation.cosh(2 * x) + Foundation.cos(2 * y)
        return Complex(Foundation.sinh(2 * x) / denominator, Foundation.sin(2 * y) / denominator)
    }

    /// The operand with the larger real part (ties: `lhs`); nan if either real part is nan.
    public static func maximumPropagatingNaN(_ lhs: Complex, _ rhs: Complex) -> Complex {
        if lhs.real.isNaN || rhs.real.isNaN { return Complex(Double.nan) }
        return lhs.real >= rhs.real ? lhs : rhs
    }

    /// The operand with the smaller real part (ties: `lhs`); nan if either real part is nan.
    public static func minimumPropagatingNaN(_ lhs: Complex, _ rhs: Complex) -> Complex {
        if lhs.real.isNaN || rhs.real.isNaN { return Complex(Double.nan) }
        return lhs.real <= rhs.real ? lhs : rhs
    }

    /// `sign(Re z)` as a real constant.
    public static func sign(_ z: Complex) -> Complex {
        Complex(Double.sign(z.real))
    }
}
