extension ElementaryFunction {
    /// The derivative f′(a), written once for every interpretation.
    ///
    /// `value` must be `f(a)`; rules reuse it where the derivative is a function of the value
    /// (exp, sqrt, tan, tanh, sigmoid), which keeps symbolic derivatives small and nested duals cheap.
    ///
    /// Kinks (documented choices): `abs′(0) = 0` (the subgradient `sign`), `relu′(0) = 0`
    /// (the Heaviside step with `step(0) = 0`). nan and inf propagate as IEEE arithmetic does.
    ///
    /// On `Double`, tanh′ and sigmoid′ are computed from `a` (`1/cosh²a`, `e/(1+e)²`) rather
    /// than from the rounded value, so they keep full relative precision where the functions
    /// saturate (`1 − tanh²a` cancels to 0 there). Other scalars use the value-based form of
    /// tanh′, which prints as the textbook `1 - tanh(x)^2`, and `σ(a)·σ(−a)` for σ′: `1 − σ(a)`
    /// cancels where σ saturates, so nested derivatives (Hessians) lose their precision there.
    /// With `log(sigmoid(x))` evaluated as `−softplus(−x)` (the cell language does so), the
    /// log-sigmoid's second derivative `−σ(x)σ(−x)` is exact far into the tails.
    @inlinable
    public func derivative<S: DifferentiableScalar>(at a: S, value fa: S) -> S {
        if self == .tanh || self == .sigmoid, S.self == Double.self {
            // A type test the specialiser folds away (a dynamic `as?` cast would cost ~100 ns).
            let exact = Self.saturationSafeDerivative(self, at: unsafeBitCast(a, to: Double.self))
            return unsafeBitCast(exact, to: S.self)
        }
        switch self {
        case .sin: return S.apply(.cos, a)
        case .cos: return -S.apply(.sin, a)
        case .tan: return S(1) + fa * fa
        case .asin: return S(1) / S.apply(.sqrt, S(1) - a * a)
        case .acos: return -(S(1) / S.apply(.sqrt, S(1) - a * a))
        case .atan: return S(1) / (S(1) + a * a)
        case .exp: return fa
        case .log: return S(1) / a
        case .sqrt: return S(0.5) / fa
        case .abs: return S.sign(a)
        case .tanh: return S(1) - fa * fa
        case .sigmoid: return fa * S.apply(.sigmoid, -a)
        case .relu: return S.step(a)
        case .softplus: return S.apply(.sigmoid, a)
        }
    }

    @inlinable
    static func saturationSafeDerivative(_ function: ElementaryFunction, at x: Double) -> Double {
        switch function {
        case .tanh:
            let c = Foundation.cosh(x)
            return 1 / (c * c)
        case .sigmoid:
            let e = Foundation.exp(-Swift.abs(x))
            return e / ((1 + e) * (1 + e))
        default:
            return .nan
        }
    }
}

import Foundation
