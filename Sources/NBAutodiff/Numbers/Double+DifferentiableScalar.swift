import Foundation

extension Double: DifferentiableScalar {
    /// The number itself.
    @inlinable public var primalValue: Double? { self }

    /// `pow` from the C library: `(-2)^2 = 4`, `(-8)^(1/3) = nan`, `0^0 = 1`.
    @inlinable
    public static func power(_ base: Double, _ exponent: Double) -> Double {
        Foundation.pow(base, exponent)
    }

    /// Evaluates an elementary function; sigmoid and softplus are written to avoid overflow.
    @inlinable
    public static func apply(_ function: ElementaryFunction, _ x: Double) -> Double {
        switch function {
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .asin: return Foundation.asin(x)
        case .acos: return Foundation.acos(x)
        case .atan: return Foundation.atan(x)
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        case .tanh: return Foundation.tanh(x)
        case .sigmoid:
            if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
            let e = Foundation.exp(x)
            return e / (1 + e)
        case .relu: return x > 0 ? x : (x.isNaN ? x : 0)
        case .softplus: return Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
        }
    }

    /// The larger value; nan if either is nan (IEEE propagation, unlike `Swift.max`).
    @inlinable
    public static func maximumPropagatingNaN(_ lhs: Double, _ rhs: Double) -> Double {
        if lhs.isNaN || rhs.isNaN { return .nan }
        return lhs >= rhs ? lhs : rhs
    }

    /// The smaller value; nan if either is nan.
    @inlinable
    public static func minimumPropagatingNaN(_ lhs: Double, _ rhs: Double) -> Double {
        if lhs.isNaN || rhs.isNaN { return .nan }
        return lhs <= rhs ? lhs : rhs
    }

    /// -1, 0 or 1 (nan for nan).
    @inlinable
    public static func sign(_ x: Double) -> Double {
        x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
    }

    /// 1 for positive, 0 otherwise (nan for nan).
    @inlinable
    public static func step(_ x: Double) -> Double {
        x > 0 ? 1 : (x.isNaN ? x : 0)
    }
}
