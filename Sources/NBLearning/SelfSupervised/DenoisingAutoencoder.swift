/// A denoising autoencoder: an encoder MLP to a small code and a decoder MLP back, trained to
/// reconstruct each clean input from a corrupted copy (mean squared error). The encoder's code is
/// the learnt representation.
public struct DenoisingAutoencoder<Scalar: TensorScalar>: Sendable {
    public var network: Stacked<Scalar>

    /// Encoder sizes `[inputs, hidden…, code]`; the decoder mirrors them.
    public init(encoderSizes: [Int], activation: Activation = .relu, seed: UInt64) throws {
        let encoder = try MLP<Scalar>(sizes: encoderSizes, activation: activation, seed: seed)
        let decoder = try MLP<Scalar>(sizes: encoderSizes.reversed(), activation: activation, seed: seed &+ 1)
        network = Stacked([encoder, decoder], between: activation)
    }

    /// Trains on `data` `[N, features]`; returns the mean reconstruction loss of each epoch.
    /// `budget` is checked before every step.
    public mutating func fit<O: Optimizer>(
        _ data: Tensor<Scalar>, corruption: ImageAugmentation, optimizer: inout O,
        epochs: Int, batchSize: Int, seed: UInt64, budget: Budget = .unlimited
    ) throws -> [Double] where O.Scalar == Scalar {
        try shuffledEpochs(count: data.shape[0], epochs: epochs, batchSize: batchSize, seed: seed, budget: budget) { batch, generator in
            let clean = try data.gathering(batch)
            let noisy = try corruption(clean, generator: &generator)
            return try trainingStep(&network, inputs: noisy, targets: .values(clean), loss: .meanSquaredError,
                                    optimizer: &optimizer).loss
        }
    }

    /// The codes of `data`.
    public func encode(_ data: Tensor<Scalar>) throws -> Tensor<Scalar> { try network.output(data, stages: 1) }

    /// The reconstructions of `data`.
    public func reconstruct(_ data: Tensor<Scalar>) throws -> Tensor<Scalar> { try network(data) }
}
