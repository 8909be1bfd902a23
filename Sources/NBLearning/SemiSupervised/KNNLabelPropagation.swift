/// Label propagation on a sparse cosine k-nearest-neighbour graph, the graph step of Iscen, Tolias,
/// Avrithis and Chum, "Label Propagation for Deep Semi-supervised Learning" (CVPR 2019).
///
/// Each sample links to its `neighbours` most cosine-similar samples with weight
/// a_ij = max(0, cos(x_i, x_j))^`power`; the graph is symmetrised, W = A + Aᵀ, and normalised to
/// S = D^{−1/2} W D^{−1/2}. The class scores iterate
///
///     F ← α S F + (1 − α) Y
///
/// (the fixed point is (1 − α)(I − αS)⁻¹Y, the closed form Iscen et al. solve) until the ℓ₁ change
/// falls below `tolerance` or `maxIterations` pass. Unlike label spreading's one-hot Y, each
/// class's labelled rows share one unit of mass (Y_ij = 1/|labelled in j|), so a class with one
/// labelled sample seeds as much mass as a class with eight — the class-mass normalisation idea
/// of Zhu, Ghahramani and Lafferty (ICML 2003) applied to the seeds. On few, unevenly labelled
/// samples this matters: with one-hot seeds the well-labelled classes flood the graph.
///
/// The result's `distributions` are the row-normalised scores, whose entropy measures how sure the
/// propagation is of each pseudo-label (`DeepLabelPropagation` weights its training by it).
public struct KNNLabelPropagation: Sendable, Equatable {
    /// k: the neighbours each sample links to.
    public var neighbours: Int
    /// γ: the power the positive cosine similarities are raised to.
    public var power: Double
    /// α ∈ (0, 1): how much a sample takes from its neighbours rather than its seed.
    public var alpha: Double
    /// The most propagation steps.
    public var maxIterations: Int
    /// The ℓ₁ change of the scores below which the iteration stops.
    public var tolerance: Double

    /// The most samples `fit` accepts (the similarities are computed densely, n² of them).
    public static let maximumSamples = 4096

    /// γ = 3 and α = 0.99 are Iscen et al.'s settings; k = 5 suits a few hundred samples (they use
    /// k = 50 on tens of thousands).
    public init(neighbours: Int = 5, power: Double = 3, alpha: Double = 0.99, maxIterations: Int = 1000,
                tolerance: Double = 1e-6) {
        self.neighbours = neighbours
        self.power = power
        self.alpha = alpha
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// Labels every row of `features` (`[n, d]`); `labels[i]` is row i's class, or `nil`.
    public func fit<S: TensorScalar>(_ features: Tensor<S>, labels: [Int?],
                                     budget: Budget = .unlimited) throws(LabelSpreadingError) -> LabelSpreadingResult {
        guard features.rank == 2 else {
            throw .invalidParameter("the features must be a matrix (samples × features), got shape \(TensorError.format(features.shape))")
        }
        return try fit(features: features.scalars.map { Double($0) }, sampleCount: features.shape[0],
                       featureCount: features.shape[1], labels: labels, budget: budget)
    }

    /// Labels every sample (row-major features); `labels[i]` is sample i's class or `nil`.
    /// `budget` is checked per row of the graph and per propagation step.
    public func fit(features: [Double], sampleCount n: Int, featureCount p: Int,
                    labels: [Int?], budget: Budget = .unlimited) throws(LabelSpreadingError) -> LabelSpreadingResult {
        try validate(features: features, sampleCount: n, featureCount: p, labels: labels)
        let classes = Array(Set(labels.compactMap { $0 })).sorted()
        guard !classes.isEmpty else { throw .noLabels }
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let k = classes.count

        var seeds = [Double](repeating: 0, count: n * k)
        var perClass = [Int](repeating: 0, count: k)
        for label in labels { if let label, let column = classIndex[label] { perClass[column] += 1 } }
        for (sample, label) in labels.enumerated() {
            if let label, let column = classIndex[label] { seeds[sample * k + column] = 1 / Double(perClass[column]) }
        }
        let graph = try normalisedGraph(features: features, sampleCount: n, featureCount: p, budget: budget)
        let clamp = seeds.map { (1 - alpha) * $0 }
        var scores = seeds
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            do { try budget.checkTime() } catch { throw .budget(error) }
            budget.report("iteration", iterations, of: maxIterations)
            var next = clamp
            for i in 0..<n {
                for (j, weight) in graph[i] {
                    for c in 0..<k { next[i * k + c] += alpha * weight * scores[j * k + c] }
                }
            }
            var change = 0.0
            for index in next.indices { change += abs(next[index] - scores[index]) }
            scores = next
            iterations += 1
            if change < tolerance {
                converged = true
                break
            }
        }
        return LabelSpreadingResult(normalising: scores, classes: classes, sampleCount: n, emptyRowValue: 1 / Double(k),
                                    iterations: iterations, converged: converged)
    }

    private func validate(features: [Double], sampleCount n: Int, featureCount p: Int,
                          labels: [Int?]) throws(LabelSpreadingError) {
        guard n >= 2, p >= 1, features.count == n * p, labels.count == n else {
            throw .invalidParameter("expected at least 2 samples of at least 1 feature and one label each, got \(n) samples of \(p) features, \(features.count) values and \(labels.count) labels")
        }
        guard n <= Self.maximumSamples else {
            throw .invalidParameter("the k-NN graph compares every pair of samples; at most \(Self.maximumSamples) samples, got \(n)")
        }
        guard neighbours >= 1, neighbours < n else {
            throw .invalidParameter("neighbours must lie within 1…\(n - 1) for \(n) samples, got \(neighbours)")
        }
        guard power.isFinite, power > 0 else { throw .invalidParameter("power must be a positive number, got \(power)") }
        guard alpha > 0, alpha < 1 else { throw .invalidParameter("alpha must lie strictly between 0 and 1, got \(alpha)") }
        guard (1...Budget.maximumIterations).contains(maxIterations) else {
            throw .invalidParameter("maxIterations must lie within 1…\(Budget.maximumIterations), got \(maxIterations)")
        }
        guard tolerance.isFinite, tolerance >= 0 else { throw .invalidParameter("tolerance must be a finite number ≥ 0") }
        guard features.allSatisfy(\.isFinite) else { throw .invalidParameter("the features must be finite numbers") }
    }

    /// S = D^{−1/2}(A + Aᵀ)D^{−1/2} as adjacency lists sorted by neighbour index. A sample whose
    /// features are all zero has no direction, hence no edges; it keeps its seed.
    private func normalisedGraph(features: [Double], sampleCount n: Int, featureCount p: Int,
                                 budget: Budget) throws(LabelSpreadingError) -> [[(Int, Double)]] {
        let unit: [[Double]] = (0..<n).map { i in
            let row = features[(i * p)..<((i + 1) * p)]
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? row.map { $0 / norm } : [Double](repeating: 0, count: p)
        }
        var edges = [[Int: Double]](repeating: [:], count: n)
        var similarities = [Double](repeating: 0, count: n)
        for i in 0..<n {
            do { try budget.checkTime() } catch { throw .budget(error) }
            for j in 0..<n {
                var dot = 0.0
                if i != j { for f in 0..<p { dot += unit[i][f] * unit[j][f] } }
                similarities[j] = dot
            }
            for j in nearest(neighbours, of: i, similarities: similarities) where similarities[j] > 0 {
                let weight = Double.power(similarities[j], power)
                edges[i][j, default: 0] += weight
                edges[j][i, default: 0] += weight
            }
        }
        // Sorted by neighbour, so every sum below runs in the same order on every run (a
        // dictionary's iteration order is not even the same for two equal dictionaries).
        let rows = edges.map { row in row.keys.sorted().map { ($0, row[$0]!) } }
        let scale = rows.map { row -> Double in
            let degree = row.reduce(0) { $0 + $1.1 }
            return degree > 0 ? 1 / degree.squareRoot() : 0
        }
        return rows.enumerated().map { i, row in row.map { j, weight in (j, weight * scale[i] * scale[j]) } }
    }

    /// The `count` samples other than `sample` with the largest similarities, most similar first;
    /// ties go to the lower index, so the graph is the same on every run. O(n·count).
    private func nearest(_ count: Int, of sample: Int, similarities: [Double]) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        func before(_ a: Int, _ b: Int) -> Bool {
            similarities[a] != similarities[b] ? similarities[a] > similarities[b] : a < b
        }
        for j in similarities.indices where j != sample {
            if kept.count == count, let last = kept.last, !before(j, last) { continue }
            var position = kept.count
            while position > 0 && before(j, kept[position - 1]) { position -= 1 }
            kept.insert(j, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
