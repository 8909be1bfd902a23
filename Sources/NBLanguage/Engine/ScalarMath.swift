#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import NBAutodiff

/// Plain-number semantics of the elementary functions and powers (IEEE: `log(-1)` is nan).
enum ScalarMath {
    static func apply(_ function: ElementaryFunction, _ x: Double) -> Double {
        switch function {
        case .sin: return sin(x)
        case .cos: return cos(x)
        case .tan: return tan(x)
        case .asin: return asin(x)
        case .acos: return acos(x)
        case .atan: return atan(x)
        case .exp: return exp(x)
        case .log: return log(x)
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        case .tanh: return tanh(x)
        case .sigmoid: return x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
        case .relu: return x.isNaN ? x : Swift.max(0, x)
        case .softplus: return Swift.max(x, 0) + log1p(exp(-Swift.abs(x)))
        }
    }

    /// The derivative of `function` at `x`.
    static func derivative(_ function: ElementaryFunction, _ x: Double) -> Double {
        switch function {
        case .sin: return cos(x)
        case .cos: return -sin(x)
        case .tan: let c = cos(x); return 1 / (c * c)
        case .asin: return 1 / (1 - x * x).squareRoot()
        case .acos: return -1 / (1 - x * x).squareRoot()
        case .atan: return 1 / (1 + x * x)
        case .exp: return exp(x)
        case .log: return 1 / x
        case .sqrt: return 0.5 / x.squareRoot()
        case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .tanh: let t = tanh(x); return 1 - t * t
        case .sigmoid: let s = apply(.sigmoid, x); return s * (1 - s)
        case .relu: return x > 0 ? 1 : 0
        case .softplus: return apply(.sigmoid, x)
        }
    }

    static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}
