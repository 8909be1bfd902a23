/// Invalid input for label spreading.
public enum LabelSpreadingError: BudgetStop, Equatable, Sendable, CustomStringConvertible {
    /// A parameter or the input's shape is unusable; the message says which and why.
    case invalidParameter(String)
    /// No sample carries a label, so there is nothing to spread.
    case noLabels
    /// The propagation ran out of its budget (timeout, cancellation, element limit).
    case budget(BudgetExceeded)

    public var description: String {
        switch self {
        case let .invalidParameter(message): message
        case .noLabels: "label spreading needs at least one labelled sample"
        case .budget(let exceeded): "label propagation stopped: \(exceeded)"
        }
    }

    public var budgetExceeded: BudgetExceeded? {
        if case .budget(let exceeded) = self { return exceeded }
        return nil
    }
}
