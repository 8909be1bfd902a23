/// The error of a finite-difference scheme as a function of the step h.
public struct HSweep: Sendable, Equatable {
    /// One measured step.
    public struct Point: Sendable, Equatable {
        /// The step h.
        public var step: Double
        /// max over coordinates of |numeric − exact|; nan when a difference was nan.
        public var error: Double
    }

    /// The scheme that was swept.
    public var scheme: DifferenceScheme
    /// Steps from 1e-16 to 1, four per decade (65 points), ascending.
    public var points: [Point]
    /// The step with the smallest error. The sampled error is jagged where rounding dominates
    /// (single steps can be lucky), so this is the centre of the three neighbouring steps with
    /// the smallest geometric-mean error; nan errors never win, the first wins a tie.
    public var bestStep: Double
    /// The (raw) error at `bestStep`.
    public var bestError: Double
    /// The exact gradient (reverse mode) the errors are measured against.
    public var exactGradient: [Double]
}

/// Measures the error of `scheme` against the exact (reverse-mode) gradient for
/// h = 10^(−16 + k/4), k = 0…64, and reports the best h.
public func hSweep(
    of f: some ScalarFunction, at point: [Double], scheme: DifferenceScheme = .central
) throws -> HSweep {
    let exact = try gradient(of: f, at: point)
    var points = [HSweep.Point]()
    for k in 0...64 {
        let h = Foundation.pow(10, -16 + Double(k) / 4)
        let numeric = try numericGradient(of: f, at: point, step: h, scheme: scheme)
        var error = 0.0
        for (a, b) in zip(numeric, exact) {
            let e = Swift.abs(a - b)
            if e.isNaN { error = .nan; break }
            error = Swift.max(error, e)
        }
        points.append(HSweep.Point(step: h, error: error))
    }
    var best: HSweep.Point?
    var bestScore = Double.infinity
    for i in points.indices {
        let window = points[Swift.max(0, i - 1)...Swift.min(points.count - 1, i + 1)]
        // log of the geometric mean; an exact zero error counts as 1e-300.
        let score = window.map { Foundation.log(Swift.max($0.error, 1e-300)) }.reduce(0, +) / Double(window.count)
        if !score.isNaN, score < bestScore {
            bestScore = score
            best = points[i]
        }
    }
    return HSweep(scheme: scheme, points: points, bestStep: best?.step ?? .nan,
                  bestError: best?.error ?? .nan, exactGradient: exact)
}

import Foundation
