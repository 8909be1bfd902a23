/// Minimises a composite objective F(x) = f(x) + λ‖x‖₁ with f smooth (given by its value and
/// gradient, e.g. from reverse-mode autodiff) by ISTA or FISTA: the way to handle an ℓ₁ penalty,
/// whose kink makes plain gradient descent oscillate instead of producing exact zeros.
public enum ProximalGradientDescent {
    /// The result of a run.
    public struct Result: Sendable, Equatable {
        /// The last iterate.
        public let point: [Double]
        /// F after each iteration.
        public let objectiveHistory: [Double]
        /// The optimality measure after each iteration: ‖G‖∞ for the gradient mapping
        /// G = L·(z − p) of the step from z to p, which is zero exactly at a minimiser.
        public let residualHistory: [Double]
        /// Iterations run.
        public let iterations: Int
        /// Whether the residual reached the tolerance.
        public let converged: Bool
        /// The final L (step 1/L).
        public let lipschitz: Double
        /// FISTA momentum restarts.
        public let restarts: Int

        /// The final objective value.
        public var objective: Double { objectiveHistory.last ?? .nan }
    }

    /// Minimises f(x) + `l1Weight`·‖x‖₁ from `start`.
    ///
    /// - Parameters:
    ///   - lipschitz: a Lipschitz constant of ∇f. Without one (or with `options.backtracking`) the
    ///     step is found by backtracking from `lipschitz ?? 1`, with a relative slack of 1e-12 in
    ///     the sufficient-decrease test against rounding.
    ///   - smooth: f's value and gradient at a point; its errors are passed on.
    public static func minimize(
        start: [Double], l1Weight: Double, lipschitz: Double? = nil,
        options: ProximalGradientOptions = ProximalGradientOptions(),
        smooth: ([Double]) throws -> (value: Double, gradient: [Double])
    ) throws -> Result {
        guard l1Weight.isFinite, l1Weight >= 0 else { throw LassoError.invalidAlpha(l1Weight) }
        guard options.maxIterations >= 0, options.tolerance >= 0 else {
            throw LassoError.invalidOption("maxIterations and tolerance must be ≥ 0")
        }
        guard start.allSatisfy(\.isFinite) else { throw LassoError.invalidOption("the start must be finite") }
        if let lipschitz, !(lipschitz.isFinite && lipschitz > 0) {
            throw LassoError.invalidOption("lipschitz must be a positive number, got \(lipschitz)")
        }
        var settings = options
        if lipschitz == nil { settings.backtracking = true }
        let penalty = { (x: [Double]) in l1Weight * Vector.norm1(x) }
        return try withoutActuallyEscaping(smooth) { smooth in
            let iteration = ProximalIteration(
                options: settings,
                gradient: { x in
                    let gradient = try smooth(x).gradient
                    guard gradient.count == x.count else {
                        throw LassoError.invalidOption("the gradient has \(gradient.count) entries for \(x.count) variables")
                    }
                    return gradient
                },
                proximal: { v, l in Proximal.softThreshold(v, threshold: l1Weight / l) },
                acceptsStep: { z, p, g, l in
                    let atZ = try smooth(z).value
                    let atP = try smooth(p).value
                    var linear = 0.0
                    var squared = 0.0
                    for i in p.indices {
                        let d = p[i] - z[i]
                        linear += g[i] * d
                        squared += d * d
                    }
                    return atP <= atZ + linear + l / 2 * squared + 1e-12 * max(1, abs(atZ))
                },
                measure: { point, from, l in
                    let value = try smooth(point).value + penalty(point)
                    let residual = zip(from, point).reduce(0.0) { max($0, l * abs($1.0 - $1.1)) }
                    return (value, residual)
                })
            let outcome = try iteration.run(from: start, lipschitz: lipschitz ?? 1)
            return Result(point: outcome.point, objectiveHistory: outcome.objectives, residualHistory: outcome.measures,
                          iterations: outcome.objectives.count, converged: outcome.converged,
                          lipschitz: outcome.lipschitz, restarts: outcome.restarts)
        }
    }
}
