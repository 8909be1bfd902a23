import Testing
@testable import NBLearning

@Suite struct VirtualAdversarialTrainingTests {
    static func moons() throws -> (Tensor<Double>, [Int], [Int?]) {
        let data = try Dataset.moons(samples: 120, noise: 0.1, seed: 3)
        let x = try Tensor<Double>(shape: [120, 2], scalars: data.features)
        let y = data.labels
        var seen = [0, 0]
        let labels: [Int?] = y.map { label in
            seen[label] += 1
            return seen[label] <= 3 ? label : nil
        }
        return (x, y, labels)
    }

    /// Per-sample KL(p ‖ softmax(model(x + step))).
    static func divergences(_ model: MLP<Double>, _ x: Tensor<Double>, step: Tensor<Double>) throws -> [Double] {
        let p = try model(x).softmax(axis: 1)
        let q = try model(x + step).softmax(axis: 1)
        let n = x.shape[0], c = p.shape[1]
        return (0..<n).map { i in
            (0..<c).reduce(0.0) { sum, k in
                let pk = p.scalars[i * c + k]
                return sum + pk * (Double.logarithm(pk) - Double.logarithm(q.scalars[i * c + k]))
            }
        }
    }

    /// One power-iteration step raises the Rayleigh quotient of the (positive semi-definite) KL
    /// Hessian, so the direction found through the gradient with respect to the input changes
    /// the prediction at least as much as the random direction it started from — sample by sample.
    @Test func theAdversarialDirectionBeatsItsRandomStart() throws {
        let (x, _, _) = try Self.moons()
        let model = try MLP<Double>(sizes: [2, 16, 2], activation: .tanh, seed: 4)
        let vat = VirtualAdversarialTraining(hiddenSizes: [16], xi: 1e-4)
        var generator = SeededGenerator(seed: 9)
        var replay = generator
        let random = try VirtualAdversarialTraining.unitRows(Tensor<Double>.randomNormal(x.shape, generator: &replay))
        let clean = try model(x).softmax(axis: 1)
        let adversarial = try vat.adversarialDirection(model, inputs: x, clean: clean, generator: &generator)
        let norms = try adversarial.squared().sum(axis: 1).sqrt().scalars
        #expect(norms.allSatisfy { abs($0 - 1) < 1e-9 })
        let epsilon = 1e-2
        let towardsAdversary = try Self.divergences(model, x, step: adversarial * epsilon)
        let towardsRandom = try Self.divergences(model, x, step: random * epsilon)
        let wins = zip(towardsAdversary, towardsRandom).filter { $0 >= $1 * (1 - 1e-6) }.count
        #expect(wins == x.shape[0], "\(wins) of \(x.shape[0])")
        #expect(towardsAdversary.reduce(0, +) > 1.5 * towardsRandom.reduce(0, +))
    }

    @Test func itIsDeterministicUnderASeedAndBeatsTheLabelsAlone() throws {
        let (x, y, labels) = try Self.moons()
        let vat = VirtualAdversarialTraining(hiddenSizes: [16], epsilon: 0.3, epochs: 150, learningRate: 0.05)
        let first = try vat.fit(x, labels: labels, classes: 2, seed: 1)
        let again = try vat.fit(x, labels: labels, classes: 2, seed: 1)
        #expect(first.transduction == again.transduction)
        let alone = try VirtualAdversarialTraining(hiddenSizes: [16], epsilon: 0.3, weight: 0, epochs: 150, learningRate: 0.05)
            .fit(x, labels: labels, classes: 2, seed: 1)
        func accuracy(_ r: SemiSupervisedResult) -> Double {
            Double(zip(r.transduction, y).filter { $0 == $1 }.count) / Double(y.count)
        }
        #expect(accuracy(first) > accuracy(alone), "VAT \(accuracy(first)) vs labels alone \(accuracy(alone))")
    }

    @Test func badSettingsAreErrors() throws {
        let (x, _, labels) = try Self.moons()
        #expect(throws: TensorError.self) {
            try VirtualAdversarialTraining(epsilon: 0).fit(x, labels: labels, classes: 2, seed: 0)
        }
        #expect(throws: (any Error).self) {
            try VirtualAdversarialTraining().fit(x, labels: [Int?](repeating: nil, count: 120), classes: 2, seed: 0)
        }
    }
}
