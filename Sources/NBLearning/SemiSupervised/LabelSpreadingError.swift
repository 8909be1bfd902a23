/// Invalid input for label spreading.
public enum LabelSpreadingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter or the input's shape is unusable; the message says which and why.
    case invalidParameter(String)
    /// No sample carries a label, so there is nothing to spread.
    case noLabels

    public var description: String {
        switch self {
        case let .invalidParameter(message): message
        case .noLabels: "label spreading needs at least one labelled sample"
        }
    }
}
