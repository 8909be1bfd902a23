/// A multilayer perceptron: linear layers with an activation between them and a linear output
/// (as micrograd's `MLP`, whose last layer is linear).
public struct MLP<Scalar: TensorScalar>: Model, Sendable {
    public var layers: [Linear<Scalar>]
    public var activation: Activation

    /// A network with layer sizes `sizes` (inputs first, outputs last), weights drawn from a
    /// generator seeded with `seed`.
    public init(sizes: [Int], activation: Activation = .relu, initialization: Initialization? = nil, seed: UInt64) throws {
        guard sizes.count >= 2 else {
            throw TensorError.invalidArgument("an MLP needs at least an input and an output size, got \(TensorError.format(sizes))")
        }
        var generator = SeededGenerator(seed: seed)
        let scheme = initialization ?? .recommended(for: activation)
        layers = try zip(sizes, sizes.dropFirst()).map {
            try Linear(inputs: $0, outputs: $1, initialization: scheme, generator: &generator)
        }
        self.activation = activation
    }

    /// Layer sizes, inputs first.
    public var sizes: [Int] { (layers.first.map { [$0.inputCount] } ?? []) + layers.map(\.outputCount) }

    public var parameters: [Tensor<Scalar>] {
        get { layers.flatMap(\.parameters) }
        set {
            for i in layers.indices { layers[i].parameters = Array(newValue[(2 * i)..<(2 * i + 2)]) }
        }
    }

    public func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>]) throws -> TrackedTensor<Scalar> {
        var x = input
        for (i, layer) in layers.enumerated() {
            let hidden = i < layers.count - 1
            if hidden && activation == .relu {
                x = try layer.forward(x, parameters: Array(parameters[(2 * i)..<(2 * i + 2)]), relu: true)
            } else {
                x = try layer.forward(x, parameters: Array(parameters[(2 * i)..<(2 * i + 2)]))
                if hidden { x = try activation.apply(x) }
            }
        }
        return x
    }
}

/// `MLP(sizes:activation:seed:)` as a function, the way notebooks spell it.
public func mlp<Scalar: TensorScalar>(
    _ sizes: [Int], activation: Activation = .relu, initialization: Initialization? = nil, seed: UInt64,
    as _: Scalar.Type = Scalar.self
) throws -> MLP<Scalar> {
    try MLP(sizes: sizes, activation: activation, initialization: initialization, seed: seed)
}
