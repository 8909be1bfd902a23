/// Invalid data or parameters for a Lasso problem.
public enum LassoError: BudgetStop, Equatable, Sendable, CustomStringConvertible {
    /// No samples or no features.
    case emptyData
    /// The feature and target arrays do not match the stated counts.
    case shapeMismatch(features: Int, targets: Int, sampleCount: Int, featureCount: Int)
    /// A feature or target is nan or infinite.
    case nonFiniteData
    /// The penalty weight is negative or not finite.
    case invalidAlpha(Double)
    /// A solver option or start point is unusable.
    case invalidOption(String)
    /// The solver ran out of its budget (timeout, cancellation).
    case budget(BudgetExceeded)

    public var description: String {
        switch self {
        case .emptyData: "the Lasso needs at least one sample and one feature"
        case let .shapeMismatch(features, targets, n, p):
            "expected \(n)×\(p) = \(n * p) feature values and \(n) targets, got \(features) and \(targets)"
        case .nonFiniteData: "the features and targets must be finite numbers (found nan or inf)"
        case let .invalidAlpha(alpha): "alpha must be a finite number ≥ 0, got \(alpha)"
        case let .invalidOption(message): message
        case let .budget(exceeded): "the Lasso solver stopped: \(exceeded)"
        }
    }

    public var budgetExceeded: BudgetExceeded? {
        if case .budget(let exceeded) = self { return exceeded }
        return nil
    }
}
