/// The result of a proximal-gradient run on a Lasso problem.
public struct LassoFit: Sendable, Equatable {
    /// The coefficients w.
    public let coefficients: [Double]
    /// The intercept b(w) = ȳ − x̄ᵀw.
    public let intercept: Double
    /// F(w, b) after each iteration (entry k − 1 is after iteration k).
    public let objectiveHistory: [Double]
    /// The duality gap after each iteration.
    public let gapHistory: [Double]
    /// The number of iterations run.
    public let iterations: Int
    /// Whether the gap reached the tolerance.
    public let converged: Bool
    /// The L whose 1/L was the last step (fixed, or where backtracking ended).
    public let lipschitz: Double
    /// How often FISTA's momentum was restarted (0 unless `restart` was on).
    public let restarts: Int

    /// The final objective value F(w, b).
    public var objective: Double { objectiveHistory.last ?? .nan }
    /// The final duality gap.
    public var gap: Double { gapHistory.last ?? .nan }

    /// The first iteration after which the gap was at most `tolerance`, or `nil`.
    public func iterations(toGap tolerance: Double) -> Int? {
        gapHistory.firstIndex { $0 <= tolerance }.map { $0 + 1 }
    }
}
