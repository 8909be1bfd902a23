/// k-means clustering (Lloyd's iterations from seeded k-means++ starts; the best of several starts
/// by inertia). `budget` is checked at every k-means++ pick, every Lloyd iteration and inside
/// large distance products.
public struct KMeans: Sendable {
    /// `[k, features]`.
    public let centroids: Tensor<Double>
    /// The cluster of each training sample.
    public let assignments: [Int]
    /// Σ squared distance of each sample to its centroid.
    public let inertia: Double
    /// Lloyd iterations of the best start.
    public let iterations: Int

    public init(fitting data: Tensor<Double>, clusters k: Int, starts: Int = 4, maxIterations: Int = 300, seed: UInt64,
                budget: Budget = .unlimited) throws {
        guard data.rank == 2 else {
            throw TensorError.rankMismatch(operation: "k-means", expected: "data of shape [samples, features]", shape: data.shape)
        }
        let n = data.shape[0]
        guard k >= 1 && k <= n else { throw TensorError.invalidArgument("k-means needs 1 ≤ k ≤ \(n) clusters, got \(k)") }
        guard starts >= 1 else { throw TensorError.invalidArgument("k-means needs at least one start") }
        var generator = SeededGenerator(seed: seed)
        var best: (Tensor<Double>, [Int], Double, Int)?
        for start in 0..<starts {
            budget.report("start", start, of: starts, loss: best?.2)
            var centroids = try Self.plusPlus(data, k: k, generator: &generator, budget: budget)
            var assignments = [Int](repeating: -1, count: n)
            var iterations = 0
            var inertia = 0.0
            while iterations < maxIterations {
                try budget.checkTime()
                iterations += 1
                let (newAssignments, newInertia) = try Self.assign(data, centroids, budget: budget)
                inertia = newInertia
                if newAssignments == assignments { break }
                assignments = newAssignments
                centroids = try Self.update(data, assignments, previous: centroids)
            }
            if best == nil || inertia < best!.2 { best = (centroids, assignments, inertia, iterations) }
        }
        (centroids, assignments, inertia, iterations) = best!
    }

    /// The nearest centroid of each row of `data`.
    public func predict(_ data: Tensor<Double>) throws -> [Int] { try Self.assign(data, centroids).0 }

    /// Squared Euclidean distances `[rows of a, rows of b]` = ‖a‖² + ‖b‖² − 2ab (one GEMM).
    static func squaredDistances(_ a: Tensor<Double>, _ b: Tensor<Double>, budget: Budget = .unlimited) throws -> Tensor<Double> {
        guard a.rank == 2, b.rank == 2, a.shape[1] == b.shape[1] else {
            throw TensorError.shapeMismatch(operation: "pairwise distances", lhs: a.shape, rhs: b.shape)
        }
        let aa = try a.squared().sum(axis: 1, keepingAxis: true)
        let bb = try b.squared().sum(axis: 1).reshaped([1, -1])
        let cross = try Tensor.matmul(a, b, transposeRHS: true, budget: budget)
        return try (aa + bb - cross * 2).maximum(Tensor(0))
    }

    static func assign(_ data: Tensor<Double>, _ centroids: Tensor<Double>, budget: Budget = .unlimited) throws -> ([Int], Double) {
        let distances = try squaredDistances(data, centroids, budget: budget)
        let assignments = try distances.argmin(axis: 1)
        let k = centroids.shape[0]
        let inertia = assignments.enumerated().reduce(0.0) { $0 + distances.scalars[$1.offset * k + $1.element] }
        return (assignments, inertia)
    }

    static func update(_ data: Tensor<Double>, _ assignments: [Int], previous: Tensor<Double>) throws -> Tensor<Double> {
        let (k, d) = (previous.shape[0], previous.shape[1])
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for (i, cluster) in assignments.enumerated() {
            counts[cluster] += 1
            for j in 0..<d { sums[cluster * d + j] += data.scalars[i * d + j] }
        }
        for cluster in 0..<k {
            for j in 0..<d {
                // An empty cluster keeps its centroid.
                sums[cluster * d + j] = counts[cluster] > 0 ? sums[cluster * d + j] / Double(counts[cluster]) : previous.scalars[cluster * d + j]
            }
        }
        return try Tensor(shape: [k, d], scalars: sums)
    }

    /// k-means++: the first centre uniformly, each next with probability ∝ squared distance.
    static func plusPlus(_ data: Tensor<Double>, k: Int, generator: inout SeededGenerator,
                         budget: Budget = .unlimited) throws -> Tensor<Double> {
        let n = data.shape[0]
        var chosen = [generator.nextIndex(below: n)]
        while chosen.count < k {
            try budget.checkTime()
            let distances = try squaredDistances(data, data.gathering(chosen), budget: budget).min(axis: 1).scalars
            let total = distances.reduce(0, +)
            if total <= 0 {
                chosen.append(chosen.count % n)
                continue
            }
            var target = generator.nextUniform() * total
            var pick = n - 1
            for (i, d) in distances.enumerated() {
                target -= d
                if target < 0 { pick = i; break }
            }
            chosen.append(pick)
        }
        return try data.gathering(chosen)
    }
}

extension Tensor {
    /// The index of the smallest element along `axis` (the first one at a tie).
    public func argmin(axis: Int) throws -> [Int] { try map(.negate).argmax(axis: axis) }
}
