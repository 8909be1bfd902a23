import Testing
@testable import NBLearning

/// micrograd's demo.ipynb on the tensor engine: two moons (100 points, noise 0.1), an MLP
/// 2-16-16-1 with ReLU, the SVM max-margin loss plus 1e-4·Σp², 100 full-batch SGD steps with
/// learning rate 1 − 0.9·k/100. micrograd reaches 100% training accuracy; so must we.
@Suite struct MicrogradDemoTests {
    /// micrograd initialises weights uniformly on ±1 (`.uniform(1)`); the data seed varies.
    @Test(arguments: [1337, 1, 2, 3] as [UInt64])
    func reachesFullTrainingAccuracy(seed: UInt64) throws {
        let initialization = Initialization.uniform(1)
        let (inputs, labels) = try twoMoons(count: 100, noise: 0.1, seed: seed)
        let signs = Tensor(labels.map { Double($0 * 2 - 1) })
        var model = try MLP<Double>(sizes: [2, 16, 16, 1], activation: .relu, initialization: initialization, seed: 1337)
        var optimizer = SGD<Double>(learningRate: 1)
        let configuration = TrainingConfiguration(
            epochs: 100, shuffle: false, l2Penalty: 1e-4, schedule: { step, _ in 1.0 - 0.9 * Double(step) / 100 })
        let history = try train(&model, inputs: inputs, targets: .signs(signs), loss: .hinge,
                                optimizer: &optimizer, configuration: configuration)
        #expect(history.steps == 100)
        #expect(history.loss.count == 100)
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.accuracy?.last == 1.0)
        // And the trained model, evaluated afresh, separates the moons.
        #expect(try accuracy(model, inputs: inputs, targets: .signs(signs)) == 1.0)
    }
}
