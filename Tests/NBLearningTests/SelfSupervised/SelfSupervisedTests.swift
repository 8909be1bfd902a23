import Testing
@testable import NBLearning

@Suite struct SelfSupervisedTests {
    @Test func augmentationsShiftNoiseAndMaskDeterministically() throws {
        // One bright pixel at (row 3, column 4) of an 8×8 image.
        var pixels = [Double](repeating: 0, count: 64)
        pixels[3 * 8 + 4] = 1
        let image = try Tensor(shape: [1, 64], scalars: pixels)
        var generator = SeededGenerator(seed: 40)
        let shifted = try ImageAugmentation(maxShift: 2)(image, generator: &generator)
        #expect(shifted.scalars.reduce(0, +) == 1)  // moved, not lost (it stays inside)
        let position = shifted.scalars.firstIndex(of: 1)!
        #expect(abs(position / 8 - 3) <= 2 && abs(position % 8 - 4) <= 2)
        let masked = try ImageAugmentation(maxShift: 0, maskProbability: 1)(image, generator: &generator)
        #expect(masked.scalars.allSatisfy { $0 == 0 })
        let noisy = try ImageAugmentation.noise(0.5)(try Tensor<Double>.zeros([200, 64]), generator: &generator)
        let variance = noisy.squared().mean().scalar!
        #expect(abs(variance - 0.25) < 0.01)
        var g1 = SeededGenerator(seed: 41), g2 = SeededGenerator(seed: 41)
        let augmentation = ImageAugmentation(maxShift: 1, noise: 0.1, maskProbability: 0.1)
        #expect(try augmentation(image, generator: &g1) == augmentation(image, generator: &g2))
        #expect(throws: TensorError.self) { try augmentation(Tensor<Double>.zeros([2, 10]), generator: &g1) }
    }

    @Test func denoisingAutoencoderRemovesNoise() throws {
        let (x, _) = try digitsTensor()
        let data = try x.slice(axis: 0, range: 0..<600) / 16
        var autoencoder = try DenoisingAutoencoder<Double>(encoderSizes: [64, 96, 32], seed: 3)
        var optimizer = Adam<Double>(learningRate: 0.003)
        let corruption = ImageAugmentation.noise(0.3)
        let losses = try autoencoder.fit(data, corruption: corruption, optimizer: &optimizer, epochs: 60, batchSize: 64, seed: 4)
        #expect(losses.last! < 0.5 * losses.first!)
        // On held-out digits, the reconstruction of a noisy copy is closer to the clean image than the noisy copy is.
        let test = try x.slice(axis: 0, range: 1500..<1797) / 16
        var generator = SeededGenerator(seed: 5)
        let noisy = try corruption(test, generator: &generator)
        let noiseError = try (noisy - test).squared().mean().scalar!
        let reconstructionError = try (autoencoder.reconstruct(noisy) - test).squared().mean().scalar!
        print("DAE noise MSE \(noiseError), reconstruction MSE \(reconstructionError)")
        #expect(reconstructionError < 0.6 * noiseError)
        #expect(try autoencoder.encode(test).shape == [297, 32])
    }

    @Test func simCLRLearnsARepresentationThatProbesWell() throws {
        let (x, labels) = try digitsTensor()
        let data = try x.slice(axis: 0, range: 0..<800) / 16
        var simclr = try SimCLR<Double>(encoderSizes: [64, 128, 32], headSizes: [32, 32, 16], temperature: 0.5, seed: 6)
        let untrained = simclr
        var optimizer = Adam<Double>(learningRate: 0.003)
        let augmentation = ImageAugmentation(maxShift: 1, noise: 0.1, maskProbability: 0.1)
        let losses = try simclr.fit(data, augmentation: augmentation, optimizer: &optimizer, epochs: 15, batchSize: 128, seed: 7)
        #expect(losses.last! < losses.first! - 0.5)
        // Probes on the frozen 32-d representation (train on 600 labels, test on 200), against the
        // same encoder before contrastive training.
        func probes(_ model: SimCLR<Double>) throws -> (knn: Double, linear: Double) {
            let features = try model.encode(data)
            let train = try features.slice(axis: 0, range: 0..<600), test = try features.slice(axis: 0, range: 600..<800)
            let knn = try Probe.kNearestNeighbours(train: train, trainLabels: Array(labels[0..<600]), test: test,
                                                   testLabels: Array(labels[600..<800]), k: 5)
            let linear = try Probe.linear(train: train, trainLabels: Array(labels[0..<600]), test: test,
                                          testLabels: Array(labels[600..<800]), epochs: 100)
            return (knn, linear)
        }
        let before = try probes(untrained)
        let after = try probes(simclr)
        print("SimCLR losses \(losses.first!) → \(losses.last!), probes before \(before), after \(after)")
        #expect(after.knn > 0.85)
        #expect(after.linear > before.linear)
    }
}
