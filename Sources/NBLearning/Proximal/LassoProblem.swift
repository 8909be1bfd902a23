/// The Lasso objective on a data set,
///
///     F(w, b) = (1/2n) ‖y − Xw − b‖² + α ‖w‖₁,
///
/// with an unpenalised intercept b. Minimising over b in closed form gives b(w) = ȳ − x̄ᵀw, and
/// F(w, b(w)) = f(w) + α‖w‖₁ with the smooth part f(w) = (1/2n)‖y_c − X_c w‖² on centred data; the
/// solvers work on that form (`solve`, `path`) and report b(w).
public struct LassoProblem: Sendable {
    /// The weight α of the ℓ₁ penalty.
    public let alpha: Double
    /// n, the number of samples.
    public var sampleCount: Int { centred.rows }
    /// p, the number of coefficients.
    public var featureCount: Int { centred.columns }

    let centred: DenseMatrix
    let centredTargets: [Double]
    let featureMeans: [Double]
    let targetMean: Double
    /// ‖y_c‖².
    let targetSquares: Double

    /// A Lasso problem on `sampleCount` rows of `featureCount` features (row-major) and their targets.
    public init(features: [Double], sampleCount: Int, featureCount: Int, targets: [Double],
                alpha: Double) throws(LassoError) {
        guard sampleCount >= 1, featureCount >= 1 else { throw .emptyData }
        guard features.count == sampleCount * featureCount, targets.count == sampleCount else {
            throw .shapeMismatch(features: features.count, targets: targets.count,
                                 sampleCount: sampleCount, featureCount: featureCount)
        }
        guard features.allSatisfy(\.isFinite), targets.allSatisfy(\.isFinite) else { throw .nonFiniteData }
        guard alpha.isFinite, alpha >= 0 else { throw .invalidAlpha(alpha) }
        let matrix = DenseMatrix(rows: sampleCount, columns: featureCount, values: features)
        let means = matrix.columnMeans()
        let targetMean = Vector.mean(targets)
        self.alpha = alpha
        self.centred = matrix.subtractingFromColumns(means)
        self.centredTargets = targets.map { $0 - targetMean }
        self.featureMeans = means
        self.targetMean = targetMean
        self.targetSquares = Vector.dot(centredTargets, centredTargets)
    }

    /// A Lasso problem predicting a data set's targets from its features.
    public init(dataset: Dataset, alpha: Double) throws(LassoError) {
        try self.init(features: dataset.features, sampleCount: dataset.sampleCount,
                      featureCount: dataset.featureCount, targets: dataset.targets, alpha: alpha)
    }

    /// The same data with another penalty weight.
    public func withAlpha(_ alpha: Double) throws(LassoError) -> LassoProblem {
        guard alpha.isFinite, alpha >= 0 else { throw .invalidAlpha(alpha) }
        return LassoProblem(copying: self, alpha: alpha)
    }

    private init(copying other: LassoProblem, alpha: Double) {
        self.alpha = alpha
        centred = other.centred
        centredTargets = other.centredTargets
        featureMeans = other.featureMeans
        targetMean = other.targetMean
        targetSquares = other.targetSquares
    }

    /// The smallest α for which w = 0 is optimal: ‖X_cᵀ y_c‖∞ / n.
    public var alphaMax: Double {
        Vector.normInfinity(centred.transposeTimes(centredTargets)) / Double(sampleCount)
    }

    /// The optimal intercept for given coefficients, b(w) = ȳ − x̄ᵀw.
    public func intercept(for coefficients: [Double]) throws(LassoError) -> Double {
        try check(coefficients)
        return optimalIntercept(coefficients)
    }

    /// F(w, b) on the original (uncentred) data.
    public func objective(coefficients: [Double], intercept: Double) throws(LassoError) -> Double {
        try check(coefficients)
        let residual = residuals(coefficients: coefficients, intercept: intercept)
        return Vector.dot(residual, residual) / (2 * Double(sampleCount)) + alpha * Vector.norm1(coefficients)
    }

    /// F(w, b(w)) = f(w) + α‖w‖₁, the objective with the intercept minimised out.
    public func objective(coefficients: [Double]) throws(LassoError) -> Double {
        try check(coefficients)
        return smoothPart(coefficients) + alpha * Vector.norm1(coefficients)
    }

    /// A duality gap G(w) ≥ F(w, b(w)) − F*: the primal objective minus the dual objective at the
    /// rescaled residual θ = s·r/n, r = y_c − X_c w, s = min(1, α / ‖X_cᵀr/n‖∞), where the dual is
    /// D(θ) = (1/2n)‖y_c‖² − (n/2)‖θ − y_c/n‖² subject to ‖X_cᵀθ‖∞ ≤ α. Zero exactly at the optimum.
    public func dualityGap(coefficients: [Double]) throws(LassoError) -> Double {
        try check(coefficients)
        return evaluate(coefficients).gap
    }

    /// F(w, b(w)) and the duality gap G(w), sharing one residual.
    func evaluate(_ coefficients: [Double]) -> (objective: Double, gap: Double) {
        let n = Double(sampleCount)
        let residual = centredResidual(coefficients)
        let correlation = Vector.normInfinity(centred.transposeTimes(residual)) / n
        let scale = correlation > alpha ? alpha / correlation : 1
        var distance = 0.0
        for i in residual.indices {
            let difference = (scale * residual[i] - centredTargets[i]) / n
            distance += difference * difference
        }
        let dual = targetSquares / (2 * n) - n / 2 * distance
        let primal = Vector.dot(residual, residual) / (2 * n) + alpha * Vector.norm1(coefficients)
        return (primal, primal - dual)
    }

    /// The optimality (KKT) conditions at (w, b) on the original data; see `LassoKKT`.
    public func kkt(coefficients: [Double], intercept: Double) throws(LassoError) -> LassoKKT {
        try check(coefficients)
        let residual = residuals(coefficients: coefficients, intercept: intercept)
        let n = Double(sampleCount)
        // Xᵀr = X_cᵀr + x̄ Σr; use the centred matrix plus the mean term to avoid a second copy.
        let residualSum = residual.reduce(0, +)
        let centredProducts = centred.transposeTimes(residual)
        let correlations = centredProducts.indices.map { (centredProducts[$0] + featureMeans[$0] * residualSum) / n }
        return LassoKKT(alpha: alpha, coefficients: coefficients, correlations: correlations,
                        residualMean: residualSum / n)
    }

    /// L = λ_max(X_cᵀX_c / n), the Lipschitz constant of ∇f, by power iteration within `budget`.
    public func lipschitzConstant(budget: Budget = .unlimited) throws(LassoError) -> Double {
        let n = Double(sampleCount)
        do {
            return try PowerIteration.largestEigenvalue(dimension: featureCount, budget: budget) { vector in
                centred.transposeTimes(centred.times(vector)).map { $0 / n }
            }
        } catch { throw .budget(error) }
    }

    // MARK: Pieces for the solvers

    /// Throws unless `coefficients` has one entry per feature.
    func check(_ coefficients: [Double]) throws(LassoError) {
        guard coefficients.count == featureCount else {
            throw .invalidOption("expected \(featureCount) coefficients, got \(coefficients.count)")
        }
    }

    /// b(w) = ȳ − x̄ᵀw.
    func optimalIntercept(_ coefficients: [Double]) -> Double {
        targetMean - Vector.dot(featureMeans, coefficients)
    }

    /// y − Xw − b on the original data.
    func residuals(coefficients: [Double], intercept: Double) -> [Double] {
        let fitted = centred.times(coefficients)
        let offset = targetMean - intercept - Vector.dot(featureMeans, coefficients)
        return centredTargets.indices.map { centredTargets[$0] - fitted[$0] + offset }
    }

    /// r = y_c − X_c w.
    func centredResidual(_ coefficients: [Double]) -> [Double] {
        let fitted = centred.times(coefficients)
        return centredTargets.indices.map { centredTargets[$0] - fitted[$0] }
    }

    /// f(w) = (1/2n)‖y_c − X_c w‖².
    func smoothPart(_ coefficients: [Double]) -> Double {
        let residual = centredResidual(coefficients)
        return Vector.dot(residual, residual) / (2 * Double(sampleCount))
    }

    /// ∇f(w) = −X_cᵀ(y_c − X_c w)/n.
    func smoothGradient(_ coefficients: [Double]) -> [Double] {
        let n = Double(sampleCount)
        return centred.transposeTimes(centredResidual(coefficients)).map { -$0 / n }
    }

    /// ‖X_c d‖²/n, the curvature of f along d (times ‖d‖²).
    func curvature(along direction: [Double]) -> Double {
        let image = centred.times(direction)
        return Vector.dot(image, image) / Double(sampleCount)
    }
}
