/// Principal component analysis: the directions of largest variance of centred data, from the
/// eigen-decomposition of the sample covariance (the covariance product runs through GEMM).
public struct PCA: Sendable {
    /// The feature means subtracted before projecting.
    public let mean: Tensor<Double>
    /// `[components, features]`: one unit direction per row, largest variance first; each row's
    /// entry of largest magnitude is positive (a deterministic sign).
    public let components: Tensor<Double>
    /// The variance along each component (sample variance, n − 1).
    public let explainedVariance: [Double]
    /// Each component's share of the total variance.
    public let explainedVarianceRatio: [Double]

    /// Fits `componentCount` components to `data` of shape `[samples, features]`, checking
    /// `budget` through the covariance product and the eigen-decomposition.
    public init(fitting data: Tensor<Double>, components componentCount: Int, budget: Budget = .unlimited) throws {
        guard data.rank == 2, data.shape[0] >= 2 else {
            throw TensorError.rankMismatch(operation: "PCA", expected: "data of shape [samples ≥ 2, features]", shape: data.shape)
        }
        let (n, d) = (data.shape[0], data.shape[1])
        guard (1...d).contains(componentCount) else {
            throw TensorError.invalidArgument("PCA needs between 1 and \(d) components, got \(componentCount)")
        }
        mean = try data.mean(axis: 0)
        let centred = try data - mean
        let covariance = try Tensor.matmul(centred, centred, transposeLHS: true, budget: budget) / Double(n - 1)
        let eigen = try SymmetricEigen(covariance.scalars, size: d, budget: budget)
        let total = eigen.values.reduce(0, +)
        explainedVariance = Array(eigen.values.prefix(componentCount)).map { Swift.max($0, 0) }
        explainedVarianceRatio = explainedVariance.map { total > 0 ? $0 / total : 0 }
        components = try Tensor(shape: [componentCount, d], scalars: eigen.vectors.prefix(componentCount).flatMap { $0 })
    }

    /// Projects `[samples, features]` onto the components: `[samples, components]`.
    public func transform(_ data: Tensor<Double>) throws -> Tensor<Double> {
        try Tensor.matmul(data - mean, components, transposeRHS: true)
    }

    /// Maps projections back to feature space.
    public func inverseTransform(_ projected: Tensor<Double>) throws -> Tensor<Double> {
        try Tensor.matmul(projected, components) + mean
    }
}
