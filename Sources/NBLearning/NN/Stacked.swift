/// Several networks applied one after another (an encoder and a decoder, an encoder and a
/// projection head), with an activation between consecutive stages.
public struct Stacked<Scalar: TensorScalar>: Model, Sendable {
    public var stages: [MLP<Scalar>]
    /// Applied to each stage's output except the last.
    public var between: Activation

    public init(_ stages: [MLP<Scalar>], between: Activation = .relu) {
        self.stages = stages
        self.between = between
    }

    public var parameters: [Tensor<Scalar>] {
        get { stages.flatMap(\.parameters) }
        set {
            var offset = 0
            for i in stages.indices {
                let count = stages[i].layers.count * 2
                stages[i].parameters = Array(newValue[offset..<(offset + count)])
                offset += count
            }
        }
    }

    public func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>]) throws -> TrackedTensor<Scalar> {
        try forward(input, parameters: parameters, stages: stages.count)
    }

    /// Runs only the first `count` stages (e.g. the encoder of an autoencoder).
    public func forward(_ input: TrackedTensor<Scalar>, parameters: [TrackedTensor<Scalar>], stages count: Int) throws -> TrackedTensor<Scalar> {
        var x = input
        var offset = 0
        for (i, stage) in stages.prefix(count).enumerated() {
            let n = stage.layers.count * 2
            x = try stage.forward(x, parameters: Array(parameters[offset..<(offset + n)]))
            offset += n
            if i < stages.count - 1 { x = try between.apply(x) }
        }
        return x
    }

    /// The output of the first `count` stages, without recording gradients.
    public func output(_ input: Tensor<Scalar>, stages count: Int) throws -> Tensor<Scalar> {
        let tape = TensorTape<Scalar>()
        return try forward(tape.constant(input), parameters: parameters.map(tape.constant), stages: count).value
    }
}
