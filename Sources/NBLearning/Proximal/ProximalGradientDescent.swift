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
        /// The KKT residual after each iteration (see `kktResidual`), zero exactly at a minimiser.
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

    /// How far x is from satisfying 0 ∈ ∇f(x) + λ∂‖x‖₁: the largest over j of |∇f_j + λ·sign(x_j)|
    /// where x_j ≠ 0 and max(|∇f_j| − λ, 0) where x_j = 0. Unlike the step length it does not
    /// depend on L, so a tiny step cannot pass for convergence.
    public static func kktResidual(point: [Double], gradient: [Double], l1Weight: Double) -> Double {
        var worst = 0.0
        for (x, g) in zip(point, gradient) {
            let violation = x == 0 ? Swift.max(abs(g) - l1Weight, 0) : abs(g + l1Weight * (x > 0 ? 1 : -1))
            if !(violation <= worst) { worst = violation }  // a nan violation wins
        }
        return worst
    }

    /// Minimises f(x) + `l1Weight`·‖x‖₁ from `start`, stopping once the KKT residual is at most
    /// `options.tolerance`.
    ///
    /// - Parameters:
    ///   - lipschitz: a Lipschitz constant of ∇f. Without one (or with `options.backtracking`) the
    ///     step is found by backtracking from `lipschitz ?? 1`, with a relative slack of 1e-12 in
    ///     the sufficient-decrease test against rounding.
    ///   - budget: checked every iteration; running out throws `BudgetExceeded`.
    ///   - smooth: f's value and gradient at a point; its errors are passed on.
    public static func minimize(
        start: [Double], l1Weight: Double, lipschitz: Double? = nil,
        options: ProximalGradientOptions = ProximalGradientOptions(), budget: Budget = .unlimited,
        smooth: ([Double]) throws -> (value: Double, gradient: [Double])
    ) throws -> Result {
        guard l1Weight.isFinite, l1Weight >= 0 else { throw LassoError.invalidAlpha(l1Weight) }
        guard options.maxIterations >= 0, options.tolerance >= 0 else {
            throw LassoError.invalidOption("maxIterations and tolerance must be ≥ 0")
        }
        guard options.maxIterations <= Budget.maximumIterations else {
            throw LassoError.invalidOption("maxIterations must lie within 0…\(Budget.maximumIterations), got \(options.maxIterations)")
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
                budget: budget,
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
                    guard atZ.isFinite else {
                        throw LassoError.invalidOption("f is not finite at the current point (\(atZ))")
                    }
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
                measure: { point, _, _ in
                    let (value, gradient) = try smooth(point)
                    return (value + penalty(point), kktResidual(point: point, gradient: gradient, l1Weight: l1Weight))
                })
            let outcome = try iteration.run(from: start, lipschitz: lipschitz ?? 1)
            return Result(point: outcome.point, objectiveHistory: outcome.objectives, residualHistory: outcome.measures,
                          iterations: outcome.objectives.count, converged: outcome.converged,
                          lipschitz: outcome.lipschitz, restarts: outcome.restarts)
        }
    }
}
