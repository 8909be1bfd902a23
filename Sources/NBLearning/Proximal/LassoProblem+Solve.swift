extension LassoProblem {
    /// Minimises F(w, b) by proximal gradient descent from `start` (default w = 0).
    ///
    /// ISTA: w_k = S_{α/L}(w_{k−1} − ∇f(w_{k−1})/L). FISTA: w_k = S_{α/L}(z_k − ∇f(z_k)/L),
    /// t_{k+1} = (1 + √(1 + 4t_k²))/2, z_{k+1} = w_k + ((t_k − 1)/t_{k+1})(w_k − w_{k−1}), z_1 = w_0,
    /// t_1 = 1. S is `Proximal.softThreshold`. The step is 1/L with L = λ_max(X_cᵀX_c/n) by power
    /// iteration, or found by backtracking from trace(X_cᵀX_c/n)/p (the mean eigenvalue, a lower
    /// bound). Records F and the duality gap after every iteration and stops at the gap tolerance;
    /// stops with `LassoError.budget` once `budget` runs out (checked every iteration).
    public func solve(_ options: ProximalGradientOptions = ProximalGradientOptions(),
                      start: [Double]? = nil, budget: Budget = .unlimited) throws(LassoError) -> LassoFit {
        guard (0...Budget.maximumIterations).contains(options.maxIterations) else {
            throw .invalidOption("maxIterations must lie within 0…\(Budget.maximumIterations), got \(options.maxIterations)")
        }
        guard options.tolerance >= 0 else { throw .invalidOption("tolerance must be ≥ 0") }
        let initial = start ?? [Double](repeating: 0, count: featureCount)
        guard initial.count == featureCount, initial.allSatisfy(\.isFinite) else {
            throw .invalidOption("the start must have \(featureCount) finite coefficients")
        }
        let lipschitz = options.backtracking ? initialBacktrackingConstant() : try lipschitzConstant(budget: budget)
        guard lipschitz > 0 else {
            // X_c = 0: f is constant and w = 0 minimises F.
            let zero = [Double](repeating: 0, count: featureCount)
            let (value, gap) = evaluate(zero)
            return LassoFit(coefficients: zero, intercept: optimalIntercept(zero), objectiveHistory: [value],
                            gapHistory: [gap], iterations: 1, converged: true, lipschitz: 0, restarts: 0)
        }
        let alpha = self.alpha
        let iteration = ProximalIteration(
            options: options,
            budget: budget,
            gradient: { smoothGradient($0) },
            proximal: { v, l in Proximal.softThreshold(v, threshold: alpha / l) },
            acceptsStep: { z, p, _, l in
                // For this quadratic f the sufficient-decrease test is exactly ‖X_c d‖²/n ≤ L‖d‖²;
                // written so, it does not cancel catastrophically near the optimum.
                let d = p.indices.map { p[$0] - z[$0] }
                return curvature(along: d) <= l * Vector.dot(d, d)
            },
            measure: { point, _, _ in
                let (value, gap) = evaluate(point)
                return (value, gap)
            })
        let outcome: ProximalIteration.Outcome
        do {
            outcome = try iteration.run(from: initial, lipschitz: lipschitz)
        } catch let exceeded as BudgetExceeded {
            throw .budget(exceeded)
        } catch {
            throw .invalidOption("unexpected failure: \(error)")  // the closures above never throw
        }
        return LassoFit(coefficients: outcome.point, intercept: optimalIntercept(outcome.point),
                        objectiveHistory: outcome.objectives, gapHistory: outcome.measures,
                        iterations: outcome.objectives.count, converged: outcome.converged,
                        lipschitz: outcome.lipschitz, restarts: outcome.restarts)
    }

    /// trace(X_cᵀX_c/n)/p, the mean eigenvalue: never above λ_max.
    func initialBacktrackingConstant() -> Double {
        let squares = centred.values.reduce(0) { $0 + $1 * $1 }
        return squares / Double(sampleCount) / Double(featureCount)
    }
}
