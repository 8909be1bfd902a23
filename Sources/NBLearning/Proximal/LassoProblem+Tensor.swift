extension LassoProblem {
    /// A Lasso problem from a feature matrix of shape `[n, p]` and a target vector of shape `[n]`
    /// (or `[n, 1]`).
    public init(features: Tensor<Double>, targets: Tensor<Double>, alpha: Double) throws(LassoError) {
        guard features.rank == 2 else { throw .invalidOption("the features must be a matrix [samples, features], got shape \(features.shape)") }
        guard targets.rank == 1 || (targets.rank == 2 && targets.shape[1] == 1) else {
            throw .invalidOption("the targets must be a vector [samples], got shape \(targets.shape)")
        }
        try self.init(features: features.scalars, sampleCount: features.shape[0], featureCount: features.shape[1],
                      targets: targets.scalars, alpha: alpha)
    }
}

extension Proximal {
    /// Soft-thresholding of every element of a tensor: the proximal operator of t‖·‖₁.
    public static func softThreshold<Scalar: TensorScalar>(_ tensor: Tensor<Scalar>, threshold: Scalar) -> Tensor<Scalar> {
        Tensor(validShape: tensor.shape, scalars: tensor.scalars.map { value in
            if value > threshold { return value - threshold }
            if value < -threshold { return value + threshold }
            return value.isNaN ? value : 0
        })
    }
}
