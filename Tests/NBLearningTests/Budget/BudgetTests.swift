import Testing
@testable import NBLearning

/// Every iterative algorithm checks the budget it is given: with a deadline already past (or a
/// cancelled flag) each one stops with `BudgetExceeded` instead of running to the end.
@Suite struct BudgetTests {
    /// A budget whose deadline passed long ago.
    static let expired = Budget(maximumElements: Tensor<Double>.elementLimit, deadline: 0, timeout: 0.5)
    static let timedOut = BudgetExceeded(.timeout(seconds: 0.5))

    static func cancelled() -> Budget {
        let flag = Cancellation()
        flag.cancel()
        return Budget(maximumElements: Tensor<Double>.elementLimit, cancellation: flag)
    }

    static func lasso() throws -> LassoProblem {
        let x = try Tensor<Double>.randomNormal([30, 8], seed: 1)
        let y = try Tensor<Double>.randomNormal([30], seed: 2)
        return try LassoProblem(features: x.scalars, sampleCount: 30, featureCount: 8, targets: y.scalars, alpha: 0.01)
    }

    @Test func checksReadTheDeadlineAndTheFlag() throws {
        try Budget.unlimited.checkTime()
        #expect(throws: Self.timedOut) { try Self.expired.checkTime() }
        #expect(throws: BudgetExceeded(.cancelled)) { try Self.cancelled().checkTime() }
        let future = Budget(maximumElements: 100, timeout: 3600)
        try future.checkTime()
        #expect(throws: BudgetExceeded(.elements(shape: [20, 20], limit: 100))) { try future.checkElements([20, 20]) }
        #expect(throws: BudgetExceeded(.elements(shape: [1 << 40, 1 << 40], limit: 100))) { try future.checkElements([1 << 40, 1 << 40]) }
        try future.checkElements([0, 1 << 40])
        try future.checkElements([10, 10])
    }

    @Test func iterationCountsAreCapped() throws {
        try Budget.checkIterations(Budget.maximumIterations, argument: "maxiter")
        #expect(throws: BudgetExceeded(.iterations(argument: "maxiter", requested: 1_000_000_000, limit: Budget.maximumIterations))) {
            try Budget.checkIterations(1_000_000_000, argument: "maxiter")
        }
        let problem = try Self.lasso()
        #expect(throws: LassoError.self) { try problem.solve(ProximalGradientOptions(maxIterations: 1_000_000_000)) }
        #expect(throws: LabelSpreadingError.self) {
            try LabelSpreading(maxIterations: 1 << 40).fit(features: [0, 1], sampleCount: 2, featureCount: 1, labels: [0, nil])
        }
    }

    @Test func proximalSolversStop() throws {
        let problem = try Self.lasso()
        #expect(throws: LassoError.budget(Self.timedOut)) { try problem.solve(budget: Self.expired) }
        #expect(throws: LassoError.budget(Self.timedOut)) {
            try problem.solve(ProximalGradientOptions(backtracking: true), budget: Self.expired)
        }
        #expect(throws: LassoError.budget(BudgetExceeded(.cancelled))) { try problem.path(budget: Self.cancelled()) }
        #expect(throws: Self.timedOut) {
            try ProximalGradientDescent.minimize(start: [1, 1], l1Weight: 0.1, budget: Self.expired) { x in
                (x[0] * x[0] + x[1] * x[1], [2 * x[0], 2 * x[1]])
            }
        }
        // A budget that does not run out changes nothing.
        #expect(try problem.solve(budget: Budget(maximumElements: 1 << 26, timeout: 3600)) == problem.solve())
    }

    @Test func clusteringAndPCAStop() throws {
        let (x, labels) = try digitsTensor()
        #expect(throws: Self.timedOut) { try KMeans(fitting: x, clusters: 10, seed: 0, budget: Self.expired) }
        #expect(throws: Self.timedOut) { try PCA(fitting: x, components: 2, budget: Self.expired) }
        #expect(throws: Self.timedOut) {
            try Probe.kNearestNeighbours(train: x, trainLabels: labels, test: x, testLabels: labels, budget: Self.expired)
        }
        #expect(throws: Self.timedOut) {
            try Probe.linear(train: x, trainLabels: labels, test: x, testLabels: labels, budget: Self.expired)
        }
        let few = try x.gathering(Array(0..<200))
        let fit = try KMeans(fitting: few, clusters: 5, starts: 1, seed: 0, budget: Budget(maximumElements: 1 << 26, timeout: 3600))
        #expect(try fit.assignments == KMeans(fitting: few, clusters: 5, starts: 1, seed: 0).assignments)
    }

    @Test func largeProductsStopBetweenBlocks() throws {
        // 1100 × 1000 × 1000 multiply–adds make five blocks, so the product checks its budget.
        let a = try Tensor<Double>.randomNormal([1100, 1000], seed: 3)
        let b = try Tensor<Double>.randomNormal([1000, 1000], seed: 4)
        #expect(throws: Self.timedOut) { try Tensor.matmul(a, b, budget: Self.expired) }
        #expect(try Tensor.matmul(a, b, budget: Budget(maximumElements: 1 << 26, timeout: 3600)) == Tensor.matmul(a, b))
    }

    @Test func trainingAndRecipesStop() throws {
        let (x, labels) = try digitsTensor()
        var model = try MLP<Double>(sizes: [64, 10], seed: 0)
        var sgd = SGD<Double>(learningRate: 0.01)
        #expect(throws: Self.timedOut) {
            try train(&model, inputs: x, targets: .classes(labels), loss: .softmaxCrossEntropy, optimizer: &sgd,
                      configuration: TrainingConfiguration(epochs: 5), budget: Self.expired)
        }
        var adam = Adam<Double>(learningRate: 0.01)
        var autoencoder = try DenoisingAutoencoder<Double>(encoderSizes: [64, 8], seed: 0)
        #expect(throws: Self.timedOut) {
            try autoencoder.fit(x, corruption: .noise(0.1), optimizer: &adam, epochs: 2, batchSize: 64, seed: 0, budget: Self.expired)
        }
        var simclr = try SimCLR<Double>(encoderSizes: [64, 8], headSizes: [8, 4], seed: 0)
        #expect(throws: Self.timedOut) {
            try simclr.fit(x, augmentation: .noise(0.1), optimizer: &adam, epochs: 2, batchSize: 64, seed: 0, budget: Self.expired)
        }
        let partial: [Int?] = labels.enumerated().map { $0.offset < 40 ? $0.element : nil }
        let recipes: [any SemiSupervisedRecipe] = [PseudoLabelling(epochs: 2), PiModel(epochs: 2), VirtualAdversarialTraining(epochs: 2)]
        for recipe in recipes {
            #expect(throws: Self.timedOut) { try recipe.fit(x, labels: partial, classes: 10, seed: 0, budget: Self.expired) }
        }
        #expect(throws: LabelSpreadingError.budget(Self.timedOut)) {
            try DeepLabelPropagation(epochs: 2).fit(x, labels: partial, classes: 10, seed: 0, budget: Self.expired)
        }
    }

    @Test func labelPropagationStopsAndRespectsTheElementLimit() throws {
        let (x, labels) = try digitsTensor()
        let partial: [Int?] = labels.enumerated().map { $0.offset < 40 ? $0.element : nil }
        #expect(throws: LabelSpreadingError.budget(Self.timedOut)) {
            try LabelSpreading().fit(features: x.scalars, sampleCount: 1797, featureCount: 64, labels: partial, budget: Self.expired)
        }
        #expect(throws: LabelSpreadingError.budget(Self.timedOut)) {
            try KNNLabelPropagation().fit(x, labels: partial, budget: Self.expired)
        }
        let small = Budget(maximumElements: 1000)
        #expect(throws: LabelSpreadingError.budget(BudgetExceeded(.elements(shape: [1797, 1797], limit: 1000)))) {
            try LabelSpreading().fit(features: x.scalars, sampleCount: 1797, featureCount: 64, labels: partial, budget: small)
        }
    }
}
