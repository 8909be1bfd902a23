/// A differentiable function with trainable parameters.
///
/// Parameters are plain tensors held by value; a training step lifts them onto a fresh tape as
/// variables, runs `forward`, and hands the gradients to an optimiser that updates them in place.
public protocol Model {
    associatedtype Scalar: TensorScalar
    /// Every trainable tensor, in a fixed order.
    var parameters: [Tensor<Scalar>] { get set }
    /// The forward pass on a tape; `parameters` are the tracked counterparts of `self.parameters`.
    func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>]) throws -> TrackedTensor<Scalar>
}

extension Model {
    /// Runs the model without recording gradients.
    public func callAsFunction(_ input: Tensor<Scalar>) throws -> Tensor<Scalar> {
        let tape = TensorTape<Scalar>()
        return try forward(tape.constant(input), parameters: parameters.map(tape.constant)).value
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
