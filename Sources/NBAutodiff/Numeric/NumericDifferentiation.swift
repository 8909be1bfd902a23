import ComplexModule

/// A finite-difference scheme for `numericGradient(of:at:step:scheme:)`.
public enum DifferenceScheme: String, Sendable, CaseIterable {
    /// `(f(x + h) − f(x)) / h`; error O(h) + O(ε/h), best h ≈ √ε.
    case forward
    /// `(f(x + h) − f(x − h)) / 2h`; error O(h²) + O(ε/h), best h ≈ ∛ε.
    case central
    /// `Im f(x + ih) / h` on `Complex<Double>`; no cancellation, so h can be tiny.
    case complexStep

    /// The default step at coordinate `x`: √ε·max(1,|x|) (forward), ∛ε·max(1,|x|) (central),
    /// 1e-20·max(1,|x|) (complex step).
    public func defaultStep(at x: Double) -> Double {
        let scale = Swift.max(1, Swift.abs(x))
        switch self {
        case .forward: return Double.ulpOfOne.squareRoot() * scale
        case .central: return Foundation.cbrt(Double.ulpOfOne) * scale
        case .complexStep: return 1e-20 * scale
        }
    }
}

/// The gradient of `f` at `point` by finite differences (or the complex step).
///
/// - Parameter step: h for every coordinate; `nil` uses `scheme.defaultStep(at:)` per coordinate.
public func numericGradient(
    of f: some ScalarFunction, at point: [Double], step: Double? = nil,
    scheme: DifferenceScheme = .central
) throws -> [Double] {
    try checkArity(f.parameterCount, point.count)
    if let step, !(step > 0 && step.isFinite) { throw AutodiffError.invalidStep(step) }
    var gradient = [Double]()
    gradient.reserveCapacity(point.count)
    let f0: Double? = scheme == .forward ? try f.evaluate(point) : nil
    for i in point.indices {
        let h = step ?? scheme.defaultStep(at: point[i])
        switch scheme {
        case .forward:
            var shifted = point
            shifted[i] += h
            let hActual = shifted[i] - point[i]  // the step that was really taken
            gradient.append((try f.evaluate(shifted) - (f0 ?? 0)) / hActual)
        case .central:
            var plus = point, minus = point
            plus[i] += h
            minus[i] -= h
            gradient.append((try f.evaluate(plus) - f.evaluate(minus)) / (plus[i] - minus[i]))
        case .complexStep:
            let z = point.indices.map { Complex<Double>(point[$0], $0 == i ? h : 0) }
            let value: Complex<Double> = try f.evaluate(z)
            gradient.append(value.imaginary / h)
        }
    }
    return gradient
}

import Foundation
