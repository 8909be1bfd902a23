import Foundation
import Testing
@testable import NBLearning

/// The digits as a `[1797, 64]` tensor with their labels.
func digitsTensor() throws -> (Tensor<Double>, [Int]) {
    let digits = Digits.load()
    return (try Tensor(shape: [digits.sampleCount, digits.featureCount], scalars: digits.features), digits.labels)
}

@Suite struct UnsupervisedTests {
    @Test func pcaMatchesScikitLearnOnTheDigits() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pca_digits.json")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let variance = reference["explained_variance"] as! [Double]
        let ratio = reference["explained_variance_ratio"] as! [Double]
        let components = reference["components"] as! [[Double]]
        let (x, _) = try digitsTensor()
        let pca = try PCA(fitting: x, components: 5)
        for i in 0..<5 {
            #expect(abs(pca.explainedVariance[i] - variance[i]) < 1e-9 * variance[i])
            #expect(abs(pca.explainedVarianceRatio[i] - ratio[i]) < 1e-9)
            let row = try pca.components.slice(at: i).scalars
            for (a, b) in zip(row, components[i]) { #expect(abs(a - b) < 1e-7) }
        }
        // Projections are uncorrelated with the explained variances on the diagonal.
        let z = try pca.transform(x)
        let covariance = try Tensor.matmul(z, z, transposeLHS: true) / Double(x.shape[0] - 1)
        for i in 0..<5 { for j in 0..<5 {
            let expected = i == j ? pca.explainedVariance[i] : 0
            #expect(abs(try covariance.element(at: [i, j]) - expected) < 1e-8 * pca.explainedVariance[0])
        } }
    }

    @Test func pcaWithEveryComponentReconstructsExactly() throws {
        let x = try normal([20, 4], seed: 30)
        let pca = try PCA(fitting: x, components: 4)
        let back = try pca.inverseTransform(pca.transform(x))
        for (a, b) in zip(back.scalars, x.scalars) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(pca.explainedVarianceRatio.reduce(0, +) - 1) < 1e-12)
        #expect(throws: TensorError.self) { try PCA(fitting: x, components: 5) }
    }

    @Test func kMeansRecoversSeparatedBlobs() throws {
        // Three tight blobs far apart: the clustering must equal the truth up to renaming.
        var generator = SeededGenerator(seed: 31)
        let centres = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]]
        var points: [Double] = []
        var truth: [Int] = []
        for i in 0..<60 {
            let c = i % 3
            points += [centres[c][0] + 0.3 * generator.nextNormal(), centres[c][1] + 0.3 * generator.nextNormal()]
            truth.append(c)
        }
        let x = try Tensor(shape: [60, 2], scalars: points)
        let kmeans = try KMeans(fitting: x, clusters: 3, seed: 1)
        var mapping: [Int: Int] = [:]
        for (found, actual) in zip(kmeans.assignments, truth) {
            if let existing = mapping[found] { #expect(existing == actual) } else { mapping[found] = actual }
        }
        #expect(Set(mapping.values).count == 3)
        // The inertia is Σ‖x − centroid‖² and the centroids are the cluster means.
        var inertia = 0.0
        for (i, cluster) in kmeans.assignments.enumerated() {
            for j in 0..<2 { inertia += pow(points[i * 2 + j] - kmeans.centroids.scalars[cluster * 2 + j], 2) }
        }
        #expect(abs(inertia - kmeans.inertia) < 1e-9)
        #expect(try kmeans.predict(Tensor(shape: [1, 2], scalars: [9.5, 0.2])) == [kmeans.assignments[1]])
        #expect(try KMeans(fitting: x, clusters: 3, seed: 1).assignments == kmeans.assignments)
    }

    @Test func kNearestNeighboursVotes() throws {
        let train = try Tensor<Double>(shape: [5, 1], scalars: [0, 1, 2, 10, 11])
        let labels = [0, 0, 0, 1, 1]
        let test = try Tensor<Double>(shape: [3, 1], scalars: [0.5, 10.5, 6.5])
        // 6.5's three nearest: 10, 11, 2 → class 1.
        #expect(try Probe.kNearestNeighbours(train: train, trainLabels: labels, test: test, testLabels: [0, 1, 1], k: 3) == 1)
        #expect(try Probe.kNearestNeighbours(train: train, trainLabels: labels, test: test, testLabels: [0, 1, 1], k: 1) == 1)
        #expect(try Probe.kNearestNeighbours(train: train, trainLabels: labels, test: test, testLabels: [0, 1, 0], k: 1) == 2.0 / 3)
        #expect(throws: TensorError.self) {
            try Probe.kNearestNeighbours(train: train, trainLabels: labels, test: Tensor.zeros([1, 2]), testLabels: [0])
        }
    }

    @Test func probesOnRawDigitPixels() throws {
        let (x, labels) = try digitsTensor()
        let train = try x.slice(axis: 0, range: 0..<1000), test = try x.slice(axis: 0, range: 1000..<1797)
        let knn = try Probe.kNearestNeighbours(train: train, trainLabels: Array(labels[0..<1000]),
                                               test: test, testLabels: Array(labels[1000...]), k: 3)
        #expect(knn > 0.95)
        let linear = try Probe.linear(train: train, trainLabels: Array(labels[0..<1000]),
                                      test: test, testLabels: Array(labels[1000...]), epochs: 100)
        #expect(linear > 0.9)
    }
}
