/// The nonlinearity between the layers of a network.
public enum Activation: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, softplus
    /// No nonlinearity.
    case identity

    func apply<S>(_ x: TrackedTensor<S>) throws -> TrackedTensor<S> {
        switch self {
        case .relu: try x.relu()
        case .tanh: try x.tanh()
        case .sigmoid: try x.sigmoid()
        case .softplus: try x.softplus()
        case .identity: x
        }
    }
}
