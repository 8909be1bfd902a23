import Foundation
import Testing
@testable import NBLearning

/// scikit-learn's label-propagation digits split (340 samples, the first 40 labelled), read from
/// the fixture the LabelSpreading reference script wrote.
func digitsSemiSupervisedSplit() throws -> (inputs: Tensor<Double>, labels: [Int?], truth: [Int]) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/digits_labelspreading.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    let indices = json["indices"] as! [Int]
    let labelled = json["labelled"] as! [Bool]
    let (x, all) = try digitsTensor()
    let truth = indices.map { all[$0] }
    return (try x.gathering(indices) / 16, zip(truth, labelled).map { $1 ? $0 : nil }, truth)
}

@Suite struct SemiSupervisedRecipeTests {
    func accuracyOnUnlabelled(_ predicted: [Int], _ labels: [Int?], _ truth: [Int]) -> Double {
        let unlabelled = labels.indices.filter { labels[$0] == nil }
        return Double(unlabelled.filter { predicted[$0] == truth[$0] }.count) / Double(unlabelled.count)
    }

    @Test func pseudoLabellingAndPiModelBeatSupervisedOnlyOn40Labels() throws {
        let (inputs, labels, truth) = try digitsSemiSupervisedSplit()
        #expect(inputs.shape == [340, 64] && labels.compactMap { $0 }.count == 40)
        // Baseline: the same network on the 40 labels alone (zero pseudo-labelling rounds).
        let supervised = try PseudoLabelling(rounds: 0).fit(inputs, labels: labels, classes: 10, seed: 1)
        let pseudo = try PseudoLabelling(rounds: 3).fit(inputs, labels: labels, classes: 10, seed: 1)
        let pi = try PiModel().fit(inputs, labels: labels, classes: 10, seed: 1)
        let base = accuracyOnUnlabelled(supervised.transduction, labels, truth)
        let pseudoAccuracy = accuracyOnUnlabelled(pseudo.transduction, labels, truth)
        let piAccuracy = accuracyOnUnlabelled(pi.transduction, labels, truth)
        print("supervised \(base), pseudo-labelling \(pseudoAccuracy) (\(pseudo.pseudoLabelled) pseudo-labels), Π-model \(piAccuracy)")
        #expect(pseudo.pseudoLabelled > 100)
        #expect(pseudoAccuracy > base)
        #expect(piAccuracy > base + 0.05)
    }

    @Test func recipesRefuseUnlabelledOnlyData() throws {
        let inputs = try Tensor<Double>.zeros([3, 2])
        #expect(throws: TensorError.self) { try PseudoLabelling().fit(inputs, labels: [nil, nil, nil], classes: 2, seed: 0) }
        #expect(throws: TrainingError.self) { try PiModel().fit(inputs, labels: [nil, 1], classes: 2, seed: 0) }
    }
}
