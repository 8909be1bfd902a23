#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Label spreading (Zhou, Bousquet, Lal, Weston, Schölkopf 2004), as scikit-learn's
/// `LabelSpreading` with the RBF kernel.
///
/// The graph has weights W_ij = exp(−γ‖x_i − x_j‖²) for i ≠ j (W_ii = 0), normalised symmetrically
/// to S = D^{−1/2} W D^{−1/2} with degrees D_ii = Σ_j W_ij. Starting from one-hot rows Y for the
/// labelled samples (zero rows for the others), the class scores iterate
///
///     F ← α S F + (1 − α) Y
///
/// until the entries change by less than `tolerance` in total (ℓ₁) or `maxIterations` pass; each
/// sample gets the class with the largest score.
public struct LabelSpreading: Sendable, Equatable {
    /// γ of the RBF kernel.
    public var gamma: Double
    /// α ∈ (0, 1): how much a sample takes from its neighbours rather than its initial label.
    public var alpha: Double
    /// The most propagation steps.
    public var maxIterations: Int
    /// The ℓ₁ change of the scores below which the iteration stops.
    public var tolerance: Double

    /// The most samples `fit` accepts (the dense graph then takes 128 MB).
    public static let maximumSamples = 4096

    public init(gamma: Double = 20, alpha: Double = 0.2, maxIterations: Int = 30, tolerance: Double = 1e-3) {
        self.gamma = gamma
        self.alpha = alpha
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Labels every sample of `dataset`; `labels[i]` is sample i's class, or `nil` if unlabelled.
    public func fit(_ dataset: Dataset, labels: [Int?], budget: Budget = .unlimited) throws(LabelSpreadingError) -> LabelSpreadingResult {
        try fit(features: dataset.features, sampleCount: dataset.sampleCount, featureCount: dataset.featureCount,
                labels: labels, budget: budget)
    }

    /// Labels every sample (row-major features); `labels[i]` is sample i's class or `nil`.
    /// `budget` bounds the n×n graph (element limit) and is checked per graph row and per step.
    public func fit(features: [Double], sampleCount: Int, featureCount: Int,
                    labels: [Int?], budget: Budget = .unlimited) throws(LabelSpreadingError) -> LabelSpreadingResult {
        guard gamma.isFinite, gamma > 0 else { throw .invalidParameter("gamma must be a positive number, got \(gamma)") }
        guard alpha > 0, alpha < 1 else { throw .invalidParameter("alpha must lie strictly between 0 and 1, got \(alpha)") }
        guard (0...Budget.maximumIterations).contains(maxIterations) else {
            throw .invalidParameter("maxIterations must lie within 0…\(Budget.maximumIterations), got \(maxIterations)")
        }
        guard sampleCount >= 1, featureCount >= 1, features.count == sampleCount * featureCount,
              labels.count == sampleCount else {
            throw .invalidParameter("expected \(sampleCount) samples of \(featureCount) features and one label each")
        }
        guard sampleCount <= Self.maximumSamples else {
            throw .invalidParameter("label spreading builds a dense sampleCount² graph; at most \(Self.maximumSamples) samples, got \(sampleCount)")
        }
        guard features.allSatisfy(\.isFinite) else { throw .invalidParameter("the features must be finite numbers") }
        // The classes are the distinct labels present, in increasing order.
        let classes = Array(Set(labels.compactMap { $0 })).sorted()
        guard !classes.isEmpty else { throw .noLabels }
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let k = classes.count
        let n = sampleCount

        do { try budget.checkElements([n, n]) } catch { throw .budget(error) }
        let graph = try normalisedAffinity(features: features, sampleCount: n, featureCount: featureCount, budget: budget)
        var clamp = [Double](repeating: 0, count: n * k)
        for (sample, label) in labels.enumerated() {
            if let label, let column = classIndex[label] { clamp[sample * k + column] = 1 }
        }
        var scores = clamp
        for index in clamp.indices { clamp[index] *= 1 - alpha }
        var previous = [Double](repeating: 0, count: n * k)
        var iterations = 0
        var converged = false
        while true {
            var change = 0.0
            for index in scores.indices { change += abs(scores[index] - previous[index]) }
            if change < tolerance {
                converged = true
                break
            }
            if iterations == maxIterations { break }
            do { try budget.checkTime() } catch { throw .budget(error) }
            budget.report("iteration", iterations, of: maxIterations, loss: change)
            previous = scores
            scores = propagate(graph: graph, scores: previous, sampleCount: n, classCount: k, clamp: clamp)
            iterations += 1
        }
        // Scores stay ≥ 0 (non-negative weights and seeds); a sample no label reaches keeps zeros.
        return LabelSpreadingResult(normalising: scores, classes: classes, sampleCount: n, emptyRowValue: 0,
                                    iterations: iterations, converged: converged)
    }

    /// S = D^{−1/2} W D^{−1/2} with zero diagonal; isolated samples (degree 0) keep zero rows.
    private func normalisedAffinity(features: [Double], sampleCount n: Int, featureCount p: Int,
                                    budget: Budget) throws(LabelSpreadingError) -> Tensor<Double> {
        var weights = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            do { try budget.checkTime() } catch { throw .budget(error) }
            for j in (i + 1)..<n {
                var squared = 0.0
                for f in 0..<p {
                    let difference = features[i * p + f] - features[j * p + f]
                    squared += difference * difference
                }
                let weight = exp(-gamma * squared)
                weights[i * n + j] = weight
                weights[j * n + i] = weight
            }
        }
        let scale = (0..<n).map { i -> Double in
            var degree = 0.0
            for j in 0..<n { degree += weights[i * n + j] }
            return degree > 0 ? 1 / degree.squareRoot() : 1
        }
        for i in 0..<n {
            for j in 0..<n { weights[i * n + j] *= scale[i] * scale[j] }
        }
        return Tensor(validShape: [n, n], scalars: weights)
    }

    /// α S F + clamp, the product through the tensor engine's GEMM.
    private func propagate(graph: Tensor<Double>, scores: [Double], sampleCount n: Int, classCount k: Int,
                           clamp: [Double]) -> [Double] {
        let current = Tensor<Double>(validShape: [n, k], scalars: scores)
        var next = Tensor<Double>(validShape: [n, k], count: n * k) { result in
            Tensor<Double>.gemm(graph, false, current, false, m: n, n: k, k: n, into: result, beta: 0)
        }.scalars
        for index in next.indices { next[index] = alpha * next[index] + clamp[index] }
        return next
    }
}
