/// SimCLR (Chen et al., 2020) in miniature: an encoder and a projection head trained so that two
/// random augmentations of the same image have similar projections and different images do not
/// (the NT-Xent loss). The encoder's output is the learnt representation.
public struct SimCLR<Scalar: TensorScalar>: Sendable {
    public var network: Stacked<Scalar>
    public var temperature: Double

    /// `encoderSizes` `[inputs, hidden…, representation]`, `headSizes` `[representation, …, projection]`.
    public init(encoderSizes: [Int], headSizes: [Int], temperature: Double = 0.5, seed: UInt64) throws {
        guard encoderSizes.last == headSizes.first else {
            throw TensorError.shapeMismatch(operation: "SimCLR (encoder output vs head input)", lhs: encoderSizes, rhs: headSizes)
        }
        network = Stacked([try MLP(sizes: encoderSizes, seed: seed), try MLP(sizes: headSizes, seed: seed &+ 1)])
        self.temperature = temperature
    }

    /// Trains on unlabelled `data`; returns the mean NT-Xent loss of each epoch. `budget` is
    /// checked before every step.
    public mutating func fit<O: Optimizer>(
        _ data: Tensor<Scalar>, augmentation: ImageAugmentation, optimizer: inout O,
        epochs: Int, batchSize: Int, seed: UInt64, budget: Budget = .unlimited
    ) throws -> [Double] where O.Scalar == Scalar {
        try shuffledEpochs(count: data.shape[0], epochs: epochs, batchSize: batchSize, seed: seed, minimumBatch: 2,
                           budget: budget) { batch, generator in
            let images = try data.gathering(batch)
            let first = try augmentation(images, generator: &generator)
            let second = try augmentation(images, generator: &generator)
            let (loss, gradients) = try lossAndGradients(first, second)
            if loss.isFinite { try network.updateParameters { try optimizer.update(&$0, gradients: gradients) } }
            return loss
        }
    }

    /// Both views go through the same parameters on one tape; their gradients add up.
    private func lossAndGradients(_ first: Tensor<Scalar>, _ second: Tensor<Scalar>) throws -> (Double, [Tensor<Scalar>]) {
        let tape = TensorTape<Scalar>()
        let parameters = network.parameters.map(tape.variable)
        let z1 = try network.forward(tape.constant(first), parameters: parameters)
        let z2 = try network.forward(tape.constant(second), parameters: parameters)
        let loss = try TrackedTensor.ntXentLoss(z1, z2, temperature: Scalar(temperature))
        let value = Double(loss.value.scalars[0])
        guard value.isFinite else { return (value, []) }
        let gradients = try tape.gradients(of: loss)
        return (value, parameters.map { gradients[$0] })
    }

    /// The representations (encoder outputs) of `data`.
    public func encode(_ data: Tensor<Scalar>) throws -> Tensor<Scalar> { try network.output(data, stages: 1) }
}
