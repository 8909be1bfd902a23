import Testing
@testable import NBLearning

/// `Tests/Fixtures/digits_labelspreading.json`, from `Tests/Peers/sklearn_labelspreading_reference.py`.
private struct LabelSpreadingReference: Decodable {
    let gamma: Double
    let alpha: Double
    let max_iterations: Int
    let tolerance: Double
    let indices: [Int]
    let labelled: [Bool]
    let labels: [Int]
    let transduction: [Int]
    let accuracy: Double
    let iterations: Int
}

@Suite struct LabelSpreadingTests {
    @Test func reproducesScikitLearnsDigitsExample() throws {
        let reference = try Fixtures.load("digits_labelspreading.json", as: LabelSpreadingReference.self)
        let data = try Digits.load().subset(reference.indices)
        #expect(data.labels == reference.labels)
        let known = zip(data.labels, reference.labelled).map { $1 ? $0 : nil }
        let model = LabelSpreading(gamma: reference.gamma, alpha: reference.alpha,
                                   maxIterations: reference.max_iterations, tolerance: reference.tolerance)
        let result = try model.fit(data, labels: known)
        let unlabelled = reference.labelled.indices.filter { !reference.labelled[$0] }
        let correct = unlabelled.filter { result.transduction[$0] == data.labels[$0] }.count
        let accuracy = Double(correct) / Double(unlabelled.count)
        #expect(abs(accuracy - reference.accuracy) <= 0.01, "accuracy \(accuracy) vs \(reference.accuracy)")
        #expect(accuracy > 0.85)
        #expect(result.iterations == reference.iterations)
        let agreement = zip(result.transduction, reference.transduction).filter { $0 == $1 }.count
        #expect(agreement >= reference.transduction.count - 3, "\(agreement) of \(reference.transduction.count) agree")
        #expect(result.classes == Array(0...9))
    }

    @Test func twoClustersTakeTheirSeedsLabel() throws {
        // Two tight groups far apart, one labelled point in each.
        let features: [Double] = [0, 0, 0.1, 0, 0, 0.1, 5, 5, 5.1, 5, 5, 5.1]
        let result = try LabelSpreading(gamma: 1).fit(features: features, sampleCount: 6, featureCount: 2,
                                                       labels: [7, nil, nil, nil, 3, nil])
        #expect(result.transduction == [7, 7, 7, 3, 3, 3])
        #expect(result.classes == [3, 7])
        #expect(result.converged)
        for sample in 0..<6 {
            #expect(abs(result.distributions[2 * sample] + result.distributions[2 * sample + 1] - 1) < 1e-12)
        }
    }

    @Test func invalidInputThrows() {
        let model = LabelSpreading()
        #expect(throws: LabelSpreadingError.noLabels) {
            try model.fit(features: [0, 1], sampleCount: 2, featureCount: 1, labels: [nil, nil])
        }
        #expect(throws: LabelSpreadingError.self) {
            try LabelSpreading(alpha: 1).fit(features: [0, 1], sampleCount: 2, featureCount: 1, labels: [0, nil])
        }
        #expect(throws: LabelSpreadingError.self) {
            try model.fit(features: [0, 1], sampleCount: 2, featureCount: 1, labels: [0])
        }
    }
}
