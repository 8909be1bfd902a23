/// The proximal-gradient scheme: plain (ISTA) or with Nesterov momentum (FISTA).
public enum ProximalMethod: String, Sendable, CaseIterable {
    /// Iterative shrinkage-thresholding: x ← prox(x − ∇f(x)/L). F − F* = O(1/k).
    case ista
    /// Fast ISTA (Beck & Teboulle 2009): the same step from an extrapolated point. F − F* = O(1/k²).
    case fista
}

/// How a proximal-gradient solver runs.
public struct ProximalGradientOptions: Sendable, Equatable {
    /// ISTA or FISTA.
    public var method: ProximalMethod
    /// Whether to find the step 1/L by backtracking instead of using a known Lipschitz constant L.
    ///
    /// Backtracking starts from a lower estimate of L and doubles L in an iteration until
    /// f(p) ≤ f(z) + ∇f(z)ᵀ(p − z) + (L/2)‖p − z‖²; L never decreases (Beck & Teboulle 2009).
    public var backtracking: Bool
    /// FISTA only: restart the momentum whenever it points uphill, (z − p)ᵀ(p − x_prev) > 0
    /// (O'Donoghue & Candès 2015, gradient scheme). Restores fast linear convergence near a solution.
    public var restart: Bool
    /// Stop once the solver's optimality measure (the duality gap for the Lasso) is at most this.
    public var tolerance: Double
    /// Stop after this many iterations even if the tolerance was not reached.
    public var maxIterations: Int

    public init(method: ProximalMethod = .fista, backtracking: Bool = false, restart: Bool = false,
                tolerance: Double = 1e-6, maxIterations: Int = 10_000) {
        self.method = method
        self.backtracking = backtracking
        self.restart = restart
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }
}
