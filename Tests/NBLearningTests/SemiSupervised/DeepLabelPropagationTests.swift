import Testing
@testable import NBLearning

/// `Tests/Fixtures/digits_knn_propagation.json`, from `Tests/Peers/numpy_knn_propagation_reference.py`
/// (a direct linear solve of the propagation's fixed point in numpy).
private struct KNNPropagationReference: Decodable {
    struct Setting: Decodable {
        let neighbours: Int
        let power: Double
        let alpha: Double
        let transduction: [Int]
        let distributions: [Double]
        let accuracy: Double
    }
    let indices: [Int]
    let labelled: Int
    let settings: [Setting]
}

@Suite struct DeepLabelPropagationTests {
    private func accuracyOnUnlabelled(_ predicted: [Int], _ labels: [Int?], _ truth: [Int]) -> Double {
        let unlabelled = labels.indices.filter { labels[$0] == nil }
        return Double(unlabelled.filter { predicted[$0] == truth[$0] }.count) / Double(unlabelled.count)
    }

    @Test func graphStepMatchesNumpysDirectSolveOnTheDigitsSplit() throws {
        let reference = try Fixtures.load("digits_knn_propagation.json", as: KNNPropagationReference.self)
        let (inputs, labels, truth) = try digitsSemiSupervisedSplit()
        #expect(labels.prefix(reference.labelled).allSatisfy { $0 != nil })
        for setting in reference.settings {
            let graph = KNNLabelPropagation(neighbours: setting.neighbours, power: setting.power, alpha: setting.alpha,
                                            maxIterations: 5000, tolerance: 1e-12)
            let result = try graph.fit(inputs, labels: labels)
            #expect(result.converged)
            #expect(result.transduction == setting.transduction, "k = \(setting.neighbours), α = \(setting.alpha)")
            #expect(abs(accuracyOnUnlabelled(result.transduction, labels, truth) - setting.accuracy) < 1e-12)
            if !setting.distributions.isEmpty {
                let worst = zip(result.distributions, setting.distributions).map { abs($0 - $1) }.max() ?? 1
                #expect(worst < 1e-8, "largest difference from numpy's scores: \(worst)")
            }
        }
    }

    @Test func classBalancedSeedsLetASingleLabelClaimItsCluster() throws {
        // Three points near (1, 0) with two labels, three near (0, 1) with one: the lone seed
        // still wins its own cluster.
        let features: [Double] = [1, 0, 1, 0.1, 1, -0.05, 0, 1, 0.1, 1, -0.05, 1]
        let labels: [Int?] = [0, 0, nil, 1, nil, nil]
        let result = try KNNLabelPropagation(neighbours: 2).fit(features: features, sampleCount: 6, featureCount: 2, labels: labels)
        #expect(result.transduction == [0, 0, 0, 1, 1, 1])
        let rows = result.distributions.count / 2
        #expect(rows == 6)
    }

    @Test func anAllZeroRowHasNoEdgesAndStaysUndecided() throws {
        // Cosine similarity is undefined for a zero vector: that sample links to nobody, nobody
        // links to it, and its scores stay at zero (a uniform distribution, certainty 0).
        let features: [Double] = [1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9, 0, 0]
        let labels: [Int?] = [0, nil, 1, nil, nil]
        let result = try KNNLabelPropagation(neighbours: 1).fit(features: features, sampleCount: 5, featureCount: 2, labels: labels)
        #expect(result.transduction.prefix(4) == [0, 0, 1, 1])
        #expect(result.distributions.suffix(2) == [0.5, 0.5])
        let targets = PseudoTargets(result, labels: labels, classes: 2)
        #expect(targets.certainty[4] == 0 && targets.weights[4] == 0)
        #expect(targets.certainty[0] == 1 && targets.labels == [0, 0, 1, 1, 0])
    }

    @Test func beatsTheSupervisedBaselineOnTheDigitsSplit() throws {
        let (inputs, labels, truth) = try digitsSemiSupervisedSplit()
        let supervised = try PseudoLabelling(rounds: 0).fit(inputs, labels: labels, classes: 10, seed: 0)
        let recipe = DeepLabelPropagation(epochs: 100)
        let result = try recipe.fit(inputs, labels: labels, classes: 10, seed: 0)
        let base = accuracyOnUnlabelled(supervised.transduction, labels, truth)
        let network = accuracyOnUnlabelled(result.transduction, labels, truth)
        let graph = accuracyOnUnlabelled(result.propagated, labels, truth)
        print("supervised \(base), k-NN propagation \(graph), network on its pseudo-labels \(network)")
        #expect(graph > 0.9)
        #expect(network > base + 0.1)
        #expect(network > 0.88)
        // Labelled samples are certain; the pseudo-labels' certainty lies in 0…1.
        #expect(labels.indices.allSatisfy { labels[$0] == nil || result.certainty[$0] == 1 })
        #expect(result.certainty.allSatisfy { (0...1).contains($0) })
    }

    @Test func sameSeedSameNetworkOtherSeedOtherNetwork() throws {
        let data = try Dataset.blobs(samples: 90, centers: 3, seed: 4)
        let inputs = try Tensor<Double>(shape: [data.sampleCount, data.featureCount], scalars: data.features)
        let labels: [Int?] = data.labels.indices.map { $0 < 9 ? data.labels[$0] : nil }
        let recipe = DeepLabelPropagation(hiddenSizes: [16], augmentation: ImageAugmentation(height: 1, width: 2, maxShift: 0, noise: 0.1),
                                          rounds: 2, epochs: 30)
        let first = try recipe.fit(inputs, labels: labels, classes: 3, seed: 7)
        let again = try recipe.fit(inputs, labels: labels, classes: 3, seed: 7)
        let other = try recipe.fit(inputs, labels: labels, classes: 3, seed: 8)
        #expect(first.model.parameters.map(\.scalars) == again.model.parameters.map(\.scalars))
        #expect(first.transduction == again.transduction && first.certainty == again.certainty)
        #expect(first.model.parameters.map(\.scalars) != other.model.parameters.map(\.scalars))
        #expect(accuracyOnUnlabelled(first.transduction, labels, data.labels) > 0.9)
    }

    @Test func refusesBadInput() throws {
        let inputs = try Tensor<Double>(shape: [4, 2], scalars: [1, 0, 0, 1, 1, 0.1, 0.1, 1])
        let labels: [Int?] = [0, 1, nil, nil]
        #expect(throws: TensorError.self) { try DeepLabelPropagation().fit(inputs, labels: [nil, nil, nil, nil], classes: 2, seed: 0) }
        #expect(throws: TrainingError.self) { try DeepLabelPropagation().fit(inputs, labels: [0, 1], classes: 2, seed: 0) }
        #expect(throws: TensorError.self) { try DeepLabelPropagation(rounds: 0).fit(inputs, labels: labels, classes: 2, seed: 0) }
        #expect(throws: TensorError.self) { try DeepLabelPropagation().fit(inputs, labels: [0, 5, nil, nil], classes: 2, seed: 0) }
        // More neighbours than other samples.
        #expect(throws: LabelSpreadingError.self) {
            try DeepLabelPropagation(graph: KNNLabelPropagation(neighbours: 4)).fit(inputs, labels: labels, classes: 2, seed: 0)
        }
        for graph in [KNNLabelPropagation(alpha: 1), KNNLabelPropagation(power: -1), KNNLabelPropagation(power: .nan),
                      KNNLabelPropagation(neighbours: 0), KNNLabelPropagation(maxIterations: 0)] {
            #expect(throws: LabelSpreadingError.self) { try graph.fit(inputs, labels: labels) }
        }
        #expect(throws: LabelSpreadingError.noLabels) { try KNNLabelPropagation(neighbours: 1).fit(inputs, labels: [nil, nil, nil, nil]) }
        let infinite = try Tensor<Double>(shape: [2, 1], scalars: [1, .infinity])
        #expect(throws: LabelSpreadingError.self) { try KNNLabelPropagation(neighbours: 1).fit(infinite, labels: [0, nil]) }
        #expect(throws: LabelSpreadingError.self) { try KNNLabelPropagation().fit(Tensor<Double>([1, 2, 3]), labels: [0, nil, nil]) }
    }
}
