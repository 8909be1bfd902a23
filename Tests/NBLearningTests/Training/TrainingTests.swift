import Testing
@testable import NBLearning

@Suite struct TrainingTests {
    @Test func aNaNLossStopsTrainingNamingEpochAndStep() throws {
        let (inputs, labels) = try twoMoons(count: 40, noise: 0.1, seed: 5)
        var model = try MLP<Double>(sizes: [2, 8, 2], seed: 1)
        // A learning rate this large drives the logits to infinity within a few steps.
        var optimizer = SGD<Double>(learningRate: 1e150)
        let configuration = TrainingConfiguration(epochs: 50, batchSize: 10, seed: 3)
        do {
            _ = try train(&model, inputs: inputs, targets: .classes(labels), loss: .softmaxCrossEntropy,
                          optimizer: &optimizer, configuration: configuration)
            Issue.record("training should have stopped")
        } catch let TrainingError.nonFiniteLoss(epoch, step, value) {
            #expect(!value.isFinite)
            #expect(epoch >= 1 && (1...4).contains(step))
            let message = TrainingError.nonFiniteLoss(epoch: epoch, step: step, value: value).description
            #expect(message.contains("epoch \(epoch), step \(step)"))
        }
    }

    @Test func nanInTheDataIsReportedAtTheFirstStep() throws {
        var model = try MLP<Double>(sizes: [1, 2, 1], seed: 1)
        var optimizer = SGD<Double>(learningRate: 0.1)
        let inputs = try Tensor<Double>(shape: [2, 1], scalars: [1, .nan])
        do {
            _ = try train(&model, inputs: inputs, targets: .values(Tensor<Double>.zeros([2, 1])), loss: .meanSquaredError,
                          optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 1, shuffle: false))
            Issue.record("training should have stopped")
        } catch let TrainingError.nonFiniteLoss(epoch, step, value) {
            #expect(epoch == 1 && step == 1 && value.isNaN)
        }
    }

    @Test func shapeMistakesNameBothShapes() throws {
        var model = try MLP<Double>(sizes: [3, 4, 2], seed: 1)
        var optimizer = SGD<Double>(learningRate: 0.1)
        let inputs = try Tensor<Double>.zeros([5, 2])
        do {
            _ = try train(&model, inputs: inputs, targets: .classes([0, 1, 0, 1, 0]), loss: .softmaxCrossEntropy,
                          optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 1))
            Issue.record("expected a shape error")
        } catch {
            #expect("\(error)".contains("(5, 2)") && "\(error)".contains("(3, 4)"))
        }
        #expect(throws: TrainingError.sampleCountMismatch(inputs: [5, 2], targets: 3)) {
            _ = try train(&model, inputs: inputs, targets: .classes([0, 1, 0]), loss: .softmaxCrossEntropy,
                          optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 1))
        }
        #expect(throws: TensorError.labelOutOfRange(label: 7, classes: 2)) {
            _ = try train(&model, inputs: Tensor<Double>.zeros([2, 3]), targets: .classes([0, 7]), loss: .softmaxCrossEntropy,
                          optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 1))
        }
        #expect(throws: TensorError.self) {
            _ = try train(&model, inputs: Tensor<Double>.zeros([2, 3]), targets: .classes([0, 1]), loss: .hinge,
                          optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 1))
        }
    }

    @Test func absurdModelSizesAreRefused() {
        #expect(throws: TensorError.tooManyElements(shape: [1 << 20, 1 << 20], limit: Tensor<Float>.elementLimit)) {
            _ = try MLP<Float>(sizes: [1 << 20, 1 << 20], seed: 0)
        }
        #expect(throws: TensorError.self) { _ = try MLP<Float>(sizes: [4], seed: 0) }
        #expect(throws: TensorError.self) { _ = try MLP<Float>(sizes: [4, 0, 2], seed: 0) }
    }

    @Test func miniBatchesAreSeededAndCoverEverySample() throws {
        var g1 = SeededGenerator(seed: 11), g2 = SeededGenerator(seed: 11)
        let a = try MiniBatches(count: 10, batchSize: 4, shuffle: true, generator: &g1)
        let b = try MiniBatches(count: 10, batchSize: 4, shuffle: true, generator: &g2)
        #expect(a.batches == b.batches)
        #expect(a.batches.map(\.count) == [4, 4, 2])
        #expect(a.batches.flatMap { $0 }.sorted() == Array(0..<10))
        #expect(a.batches.flatMap { $0 } != Array(0..<10))
        var g3 = SeededGenerator(seed: 11)
        #expect(try MiniBatches(count: 5, batchSize: 2, shuffle: false, generator: &g3).batches == [[0, 1], [2, 3], [4]])
    }

    @Test func updatingParametersInPlaceKeepsTheModelIntact() throws {
        var model = try MLP<Double>(sizes: [2, 3, 1], seed: 1)
        let before = model.parameters
        let copy = model  // a copy must not see the update (value semantics)
        try model.updateParameters { parameters in
            for i in parameters.indices { parameters[i] = parameters[i] + 1 }
        }
        #expect(copy.parameters == before)
        #expect(model.parameters == before.map { $0 + 1 })
        #expect(model.sizes == [2, 3, 1])
    }

    @Test func trainingIsDeterministic() throws {
        func run() throws -> (TrainingHistory, [Tensor<Float>]) {
            let (inputs, labels) = try twoMoons(count: 64, noise: 0.2, seed: 9)
            var model = try MLP<Float>(sizes: [2, 16, 2], activation: .tanh, seed: 4)
            var optimizer = Adam<Float>(learningRate: 0.01)
            let history = try train(&model, inputs: inputs.converted(), targets: .classes(labels), loss: .softmaxCrossEntropy,
                                    optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 5, batchSize: 16, seed: 2))
            return (history, model.parameters)
        }
        let (h1, p1) = try run()
        let (h2, p2) = try run()
        #expect(h1 == h2)
        #expect(p1 == p2)
    }

    @Test func crossEntropyWithMiniBatchesAndAdamLearnsTheMoons() throws {
        let (inputs, labels) = try twoMoons(count: 200, noise: 0.1, seed: 21)
        var model = try MLP<Float>(sizes: [2, 32, 32, 2], seed: 8)
        var optimizer = Adam<Float>(learningRate: 0.01)
        let history = try train(&model, inputs: inputs.converted(), targets: .classes(labels), loss: .softmaxCrossEntropy,
                                optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 60, batchSize: 32, seed: 5))
        #expect(history.steps == 60 * 7)
        #expect(history.loss.last! < 0.1 * history.loss.first!)
        #expect(try accuracy(model, inputs: inputs.converted(), targets: .classes(labels))! >= 0.99)
    }

    @Test func regressionWithMSEHasNoAccuracy() throws {
        // y = 3x − 1, learnt by a single linear layer.
        let xs = (0..<20).map { Double($0) / 10 - 1 }
        let inputs = try Tensor<Double>(shape: [20, 1], scalars: xs)
        let targets = try Tensor<Double>(shape: [20, 1], scalars: xs.map { 3 * $0 - 1 })
        var model = try MLP<Double>(sizes: [1, 1], seed: 2)
        var optimizer = SGD<Double>(learningRate: 0.1, momentum: 0.9)
        let history = try train(&model, inputs: inputs, targets: .values(targets), loss: .meanSquaredError,
                                optimizer: &optimizer, configuration: TrainingConfiguration(epochs: 300, shuffle: false))
        #expect(history.accuracy == nil)
        #expect(abs(try model.layers[0].weight.element(at: [0, 0]) - 3) < 1e-6)
        #expect(abs(try model.layers[0].bias.element(at: [0]) + 1) < 1e-6)
    }
}
