/// Ways to score a representation: how well simple classifiers do on frozen features.
public enum Probe {
    /// k-nearest-neighbour classification accuracy of `test` rows against labelled `train` rows
    /// (Euclidean; a tie between classes goes to the class whose nearest member is closest).
    public static func kNearestNeighbours(
        train: Tensor<Double>, trainLabels: [Int], test: Tensor<Double>, testLabels: [Int], k: Int = 5,
        budget: Budget = .unlimited
    ) throws -> Double {
        try check(train, trainLabels, test, testLabels)
        guard k >= 1 && k <= trainLabels.count else { throw TensorError.invalidArgument("k must be in 1...\(trainLabels.count), got \(k)") }
        let distances = try KMeans.squaredDistances(test, train, budget: budget)
        let m = train.shape[0]
        var correct = 0
        for row in 0..<test.shape[0] {
            try budget.checkTime()
            let neighbours = (0..<m).sorted {
                let (a, b) = (distances.scalars[row * m + $0], distances.scalars[row * m + $1])
                return a < b || (a == b && $0 < $1)
            }.prefix(k)
            var votes: [Int: (count: Int, rank: Int)] = [:]
            for (rank, index) in neighbours.enumerated() {
                let label = trainLabels[index]
                let current = votes[label] ?? (0, rank)
                votes[label] = (current.count + 1, Swift.min(current.rank, rank))
            }
            let predicted = votes.max { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.value.rank > $1.value.rank) }!.key
            if predicted == testLabels[row] { correct += 1 }
        }
        return Double(correct) / Double(Swift.max(testLabels.count, 1))
    }

    /// Linear-probe accuracy: a softmax-regression layer trained with Adam on frozen `train`
    /// features (standardised with the training statistics), scored on `test`.
    public static func linear(
        train: Tensor<Double>, trainLabels: [Int], test: Tensor<Double>, testLabels: [Int],
        epochs: Int = 200, learningRate: Double = 0.05, seed: UInt64 = 0, budget: Budget = .unlimited
    ) throws -> Double {
        try check(train, trainLabels, test, testLabels)
        let classes = (trainLabels + testLabels).max().map { $0 + 1 } ?? 1
        let mean = try train.mean(axis: 0)
        let deviation = try (train - mean).squared().mean(axis: 0).sqrt() + 1e-8
        let x = try (train - mean) / deviation
        let xTest = try (test - mean) / deviation
        var model = try MLP<Double>(sizes: [train.shape[1], classes], activation: .identity, initialization: .xavierUniform, seed: seed)
        var optimizer = Adam<Double>(learningRate: learningRate, weightDecay: 1e-4)
        _ = try NBLearning.train(&model, inputs: x, targets: .classes(trainLabels), loss: .softmaxCrossEntropy, optimizer: &optimizer,
                                 configuration: TrainingConfiguration(epochs: epochs, shuffle: false, seed: seed), budget: budget)
        return try accuracy(model, inputs: xTest, targets: .classes(testLabels)) ?? 0
    }

    private static func check(_ train: Tensor<Double>, _ trainLabels: [Int], _ test: Tensor<Double>, _ testLabels: [Int]) throws {
        guard train.rank == 2, test.rank == 2, train.shape[1] == test.shape[1] else {
            throw TensorError.shapeMismatch(operation: "probe (train vs test features)", lhs: train.shape, rhs: test.shape)
        }
        guard train.shape[0] == trainLabels.count, test.shape[0] == testLabels.count else {
            throw TensorError.invalidArgument("probe: \(train.shape[0]) training rows with \(trainLabels.count) labels, \(test.shape[0]) test rows with \(testLabels.count) labels")
        }
    }
}
