extension Dataset {
    /// The features as a tensor of shape `[sampleCount, featureCount]`.
    public var featureTensor: Tensor<Double> {
        Tensor(validShape: [sampleCount, featureCount], scalars: features)
    }

    /// The targets as a tensor of shape `[sampleCount]`.
    public var targetTensor: Tensor<Double> { Tensor(targets) }
}
