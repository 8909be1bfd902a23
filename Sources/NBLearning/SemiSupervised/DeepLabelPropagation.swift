/// Label propagation for deep semi-supervised learning (Iscen, Tolias, Avrithis, Chum, CVPR 2019):
/// propagate the few labels over a k-nearest-neighbour graph, then train a network on every
/// sample with the propagated pseudo-labels, each weighted by how sure the propagation is.
///
/// One round:
/// 1. `graph` (a `KNNLabelPropagation`) labels every sample from its features; the first round
///    uses the inputs, each later round the last hidden layer of the previous round's network.
/// 2. Each unlabelled sample i gets its arg-max class ŷ_i and the certainty
///    ω_i = 1 − H(p_i)/log C (H the entropy of its propagated distribution p_i over the C classes);
///    labelled samples keep their label with ω_i = 1. Each class j is weighted by
///    ζ_j = n/(C·n_j), n_j the samples carrying label or pseudo-label j.
/// 3. A fresh MLP (initialised from `seed`) minimises (1/n) Σ_i ζ_ŷᵢ ω_i CE(f(aug(x_i)), ŷ_i) with
///    Adam, full batch, a new random augmentation of every sample each epoch.
///
/// The paper alternates these steps once per epoch on large image sets; on a few hundred 8×8
/// digits one round is the useful setting (`rounds: 1`, the default): the hidden features of a
/// network trained on 340 images make a poorer graph than the pixels.
public struct DeepLabelPropagation: Sendable {
    /// The graph step.
    public var graph: KNNLabelPropagation
    /// The hidden layer sizes of the MLP (inputs and classes around them).
    public var hiddenSizes: [Int]
    /// The random perturbation applied to every sample at every epoch.
    public var augmentation: ImageAugmentation
    /// Graph–network alternations (≥ 1).
    public var rounds: Int
    /// Full-batch epochs per round.
    public var epochs: Int
    public var learningRate: Double
    public var weightDecay: Double

    /// The defaults were chosen on scikit-learn's 340-digit / 40-label split (pixels scaled to 0…1):
    /// one-pixel shifts with noise 0.1 keep the network from memorising the pseudo-labels.
    public init(graph: KNNLabelPropagation = KNNLabelPropagation(), hiddenSizes: [Int] = [128],
                augmentation: ImageAugmentation = ImageAugmentation(maxShift: 1, noise: 0.1),
                rounds: Int = 1, epochs: Int = 200, learningRate: Double = 0.01, weightDecay: Double = 1e-4) {
        self.graph = graph
        self.hiddenSizes = hiddenSizes
        self.augmentation = augmentation
        self.rounds = rounds
        self.epochs = epochs
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    /// Trains on every row of `inputs` (`[n, d]`); `labels[i]` is row i's class (0..<`classes`)
    /// or `nil`. The same `seed` gives the same network, bit for bit. `budget` is checked through
    /// the graph and every epoch.
    public func fit(_ inputs: Tensor<Double>, labels: [Int?], classes: Int, seed: UInt64,
                    budget: Budget = .unlimited) throws -> DeepLabelPropagationResult {
        try Budget.checkIterations(epochs, argument: "epochs")
        _ = try labelledSubset(inputs, labels)
        guard rounds >= 1, epochs >= 1 else {
            throw TensorError.invalidArgument("deep label propagation needs at least one round and one epoch, got \(rounds) rounds of \(epochs) epochs")
        }
        guard classes >= 1, labels.allSatisfy({ $0.map { (0..<classes).contains($0) } ?? true }) else {
            throw TensorError.invalidArgument("every label must lie within 0..<\(classes)")
        }
        var spread = try graph.fit(inputs, labels: labels, budget: budget)
        var targets = PseudoTargets(spread, labels: labels, classes: classes)
        var model = try train(on: inputs, targets: targets, classes: classes, seed: seed, budget: budget)
        for _ in 1..<rounds {
            spread = try graph.fit(Self.lastHidden(model, inputs), labels: labels, budget: budget)
            targets = PseudoTargets(spread, labels: labels, classes: classes)
            model = try train(on: inputs, targets: targets, classes: classes, seed: seed, budget: budget)
        }
        return DeepLabelPropagationResult(
            model: model, transduction: try model(inputs).argmax(axis: 1),
            propagated: spread.transduction, certainty: targets.certainty)
    }

    /// A fresh network trained on the weighted pseudo-labels.
    private func train(on inputs: Tensor<Double>, targets: PseudoTargets, classes: Int, seed: UInt64,
                       budget: Budget) throws -> MLP<Double> {
        var model = try MLP<Double>(sizes: [inputs.shape[1]] + hiddenSizes + [classes], seed: seed)
        var optimizer = Adam<Double>(learningRate: learningRate, weightDecay: weightDecay)
        var generator = SeededGenerator(seed: seed &+ 1)
        let n = inputs.shape[0]
        // Row i holds −ζω/n at its pseudo-label: Σ(T ⊙ log softmax) is the weighted loss.
        var scaled = [Double](repeating: 0, count: n * classes)
        for i in 0..<n { scaled[i * classes + targets.labels[i]] = -targets.weights[i] / Double(n) }
        let selection = try Tensor<Double>(shape: [n, classes], scalars: scaled)
        budget.report("epoch", 0, of: epochs)
        for epoch in stride(from: 1, through: epochs, by: 1) {
            try budget.checkTime()
            let tape = TensorTape<Double>()
            let parameters = model.parameters.map(tape.variable)
            let logits = try model.forward(tape.constant(augmentation(inputs, generator: &generator)), parameters: parameters)
            let loss = try (logits.logSoftmax(axis: 1) * selection).sum()
            let value = loss.value.scalars[0]
            guard value.isFinite else { throw TrainingError.nonFiniteLoss(epoch: epoch, step: 1, value: value) }
            let gradients = try tape.gradients(of: loss)
            let update = parameters.map { gradients[$0] }
            try model.updateParameters { try optimizer.update(&$0, gradients: update) }
            budget.report("epoch", epoch, of: epochs, loss: Double(value))
        }
        return model
    }

    /// The activations of the network's last hidden layer (the inputs if it has none).
    static func lastHidden(_ model: MLP<Double>, _ inputs: Tensor<Double>) throws -> Tensor<Double> {
        guard model.layers.count >= 2 else { return inputs }
        var trunk = model
        trunk.layers.removeLast()
        let preActivation = try trunk(inputs)
        let tape = TensorTape<Double>()
        return try model.activation.apply(tape.constant(preActivation)).value
    }
}
