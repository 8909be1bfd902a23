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

    /// Lets `body` mutate the parameters in place. The model's own references are swapped out for
    /// empty placeholders meanwhile, so each parameter's storage is uniquely referenced and an
    /// optimiser updates it without copying; the parameters are put back afterwards.
    public mutating func updateParameters<R>(_ body: (inout [Tensor<Scalar>]) throws -> R) rethrows -> R {
        var current = parameters
        let placeholder = Tensor<Scalar>(validShape: [0], scalars: [])
        parameters = [Tensor<Scalar>](repeating: placeholder, count: current.count)
        defer { parameters = current }
        return try body(&current)
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
