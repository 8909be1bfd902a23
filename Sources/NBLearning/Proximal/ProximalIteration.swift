/// The ISTA/FISTA loop shared by the Lasso solver and the general composite minimiser.
///
/// Iteration k takes the proximal step p = prox_{1/L}(z − ∇f(z)/L) from z (z = the last iterate for
/// ISTA, the extrapolated point for FISTA), optionally backtracking on L, and records the objective
/// and an optimality measure at the new iterate; it stops once the measure is ≤ the tolerance, and
/// throws `BudgetExceeded` once the budget runs out (checked every iteration).
struct ProximalIteration {
    /// The last iterate, the histories and how the run ended.
    struct Outcome {
        var point: [Double]
        var objectives: [Double] = []
        var measures: [Double] = []
        var converged = false
        var lipschitz: Double
        var restarts = 0
    }

    let options: ProximalGradientOptions
    let budget: Budget
    /// ∇f at a point.
    let gradient: ([Double]) throws -> [Double]
    /// prox of the non-smooth part with step 1/L: (v, L) ↦ argmin_u g(u) + (L/2)‖u − v‖².
    let proximal: ([Double], Double) -> [Double]
    /// The backtracking test for (z, p, ∇f(z), L); only called when backtracking.
    let acceptsStep: ([Double], [Double], [Double], Double) throws -> Bool
    /// (objective, optimality measure) at the new iterate p, given also z and L.
    let measure: (_ point: [Double], _ from: [Double], _ lipschitz: Double) throws -> (objective: Double, measure: Double)

    func run(from start: [Double], lipschitz initial: Double) throws -> Outcome {
        var outcome = Outcome(point: start, lipschitz: initial)
        var lipschitz = initial
        var previous = start
        var extrapolated = start
        var momentum = 1.0
        let reserve = min(options.maxIterations, 100_000)
        outcome.objectives.reserveCapacity(reserve)
        outcome.measures.reserveCapacity(reserve)
        for _ in 0..<options.maxIterations {
            try budget.checkTime()
            let slope = try gradient(extrapolated)
            var candidate: [Double]
            var doublings = 0
            while true {
                let moved = extrapolated.indices.map { extrapolated[$0] - slope[$0] / lipschitz }
                candidate = proximal(moved, lipschitz)
                guard options.backtracking, doublings < 2_000, lipschitz.isFinite,
                      try !acceptsStep(extrapolated, candidate, slope, lipschitz) else { break }
                lipschitz *= 2
                doublings += 1
            }
            // No finite step satisfies the test (f is nan or infinite nearby): give up, unconverged.
            guard lipschitz.isFinite else { break }
            let from = extrapolated
            switch options.method {
            case .ista:
                extrapolated = candidate
            case .fista:
                var uphill = 0.0
                if options.restart {
                    for i in candidate.indices { uphill += (from[i] - candidate[i]) * (candidate[i] - previous[i]) }
                }
                if uphill > 0 {
                    momentum = 1
                    extrapolated = candidate
                    outcome.restarts += 1
                } else {
                    let nextMomentum = (1 + (1 + 4 * momentum * momentum).squareRoot()) / 2
                    let weight = (momentum - 1) / nextMomentum
                    extrapolated = candidate.indices.map { candidate[$0] + weight * (candidate[$0] - previous[$0]) }
                    momentum = nextMomentum
                }
            }
            let (objective, measure) = try self.measure(candidate, from, lipschitz)
            previous = candidate
            outcome.objectives.append(objective)
            outcome.measures.append(measure)
            budget.report("iteration", outcome.objectives.count, of: options.maxIterations, loss: objective)
            guard objective.isFinite, measure.isFinite else { break }
            if measure <= options.tolerance {
                outcome.converged = true
                break
            }
        }
        outcome.point = previous
        outcome.lipschitz = lipschitz
        return outcome
    }
}
