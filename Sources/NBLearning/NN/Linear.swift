/// A fully connected layer `y = x·W + b` with W of shape `[inputs, outputs]` and b of `[outputs]`.
public struct Linear<Scalar: TensorScalar>: Model, Sendable {
    public var weight: Tensor<Scalar>
    public var bias: Tensor<Scalar>

    /// A layer with weights drawn by `initialization` and zero biases.
    public init(inputs: Int, outputs: Int, initialization: Initialization = .heNormal, generator: inout SeededGenerator) throws {
        guard inputs > 0, outputs > 0 else {
            throw TensorError.invalidArgument("a linear layer needs positive sizes, got \(inputs) → \(outputs)")
        }
        weight = try initialization.weights(fanIn: inputs, fanOut: outputs, generator: &generator)
        bias = try .zeros([outputs])
    }

    /// A layer from given weights `[inputs, outputs]` and bias `[outputs]`.
    public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>) throws {
        guard weight.rank == 2, bias.shape == [weight.shape[1]] else {
            throw TensorError.shapeMismatch(operation: "Linear(weight, bias)", lhs: weight.shape, rhs: bias.shape)
        }
        self.weight = weight
        self.bias = bias
    }

    public var inputCount: Int { weight.shape[0] }
    public var outputCount: Int { weight.shape[1] }

    public var parameters: [Tensor<Scalar>] {
        get { [weight, bias] }
        set {
            weight = newValue[0]
            bias = newValue[1]
        }
    }

    public func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>]) throws -> TrackedTensor<Scalar> {
        try forward(input, parameters: parameters, relu: false)
    }

    /// The layer with a ReLU fused onto its output.
    public func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>], relu: Bool) throws -> TrackedTensor<Scalar> {
        guard input.value.rank == 2, input.value.shape[1] == inputCount else {
            throw TensorError.shapeMismatch(operation: "Linear input (batch vs weight)", lhs: input.value.shape, rhs: weight.shape)
        }
        return try input.affine(weight: parameters[0], bias: parameters[1], relu: relu)
    }
}
