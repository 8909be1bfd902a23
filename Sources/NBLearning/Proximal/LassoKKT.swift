/// The Karush–Kuhn–Tucker conditions of the Lasso at a point (w, b), with r = y − Xw − b and
/// c = Xᵀr / n:
///
/// - c_j = α·sign(w_j) where w_j ≠ 0,
/// - |c_j| ≤ α where w_j = 0,
/// - mean(r) = 0 (the unpenalised intercept).
///
/// They hold exactly at the minimiser and nowhere else.
public struct LassoKKT: Sendable, Equatable {
    /// The penalty weight α.
    public let alpha: Double
    /// c = Xᵀr / n, one per coefficient.
    public let correlations: [Double]
    /// The violation per coefficient: |c_j − α·sign(w_j)| on non-zeros, max(|c_j| − α, 0) on zeros.
    public let violations: [Double]
    /// mean(r), whose size is the intercept's violation.
    public let residualMean: Double

    init(alpha: Double, coefficients: [Double], correlations: [Double], residualMean: Double) {
        self.alpha = alpha
        self.correlations = correlations
        self.residualMean = residualMean
        violations = zip(coefficients, correlations).map { w, c in
            w == 0 ? max(abs(c) - alpha, 0) : abs(c - alpha * (w > 0 ? 1 : -1))
        }
    }

    /// The largest violation of any condition (0 at the optimum).
    public var residual: Double { violations.reduce(abs(residualMean)) { max($0, $1) } }

    /// Whether every condition holds to within `tolerance`.
    public func isSatisfied(tolerance: Double) -> Bool { residual <= tolerance }
}
