/// A semi-supervised recipe that trains a classifier on partially labelled samples.
public protocol SemiSupervisedRecipe: Sendable {
    /// Trains on every sample; `labels[i]` is sample i's class or nil. `budget` is checked every
    /// epoch (`BudgetExceeded`).
    func fit(_ inputs: Tensor<Double>, labels: [Int?], classes: Int, seed: UInt64, budget: Budget) throws -> SemiSupervisedResult
}

extension SemiSupervisedRecipe {
    /// Trains without a deadline.
    public func fit(_ inputs: Tensor<Double>, labels: [Int?], classes: Int, seed: UInt64) throws -> SemiSupervisedResult {
        try fit(inputs, labels: labels, classes: classes, seed: seed, budget: .unlimited)
    }
}

extension PseudoLabelling: SemiSupervisedRecipe {}
extension PiModel: SemiSupervisedRecipe {}
extension VirtualAdversarialTraining: SemiSupervisedRecipe {}

/// What a semi-supervised recipe produced.
public struct SemiSupervisedResult: Sendable {
    /// The trained classifier (outputs logits).
    public var model: MLP<Double>
    /// The predicted class of every sample (labelled ones included).
    public var transduction: [Int]
    /// How many unlabelled samples carried a pseudo-label in the last round (pseudo-labelling).
    public var pseudoLabelled: Int
}

/// Splits partially labelled data into the labelled rows and their labels.
func labelledSubset(_ inputs: Tensor<Double>, _ labels: [Int?]) throws -> (indices: [Int], labels: [Int]) {
    guard inputs.rank == 2, inputs.shape[0] == labels.count else {
        throw TrainingError.sampleCountMismatch(inputs: inputs.shape, targets: labels.count)
    }
    let indices = labels.indices.filter { labels[$0] != nil }
    guard !indices.isEmpty else { throw TensorError.invalidArgument("semi-supervised training needs at least one labelled sample") }
    return (indices, indices.map { labels[$0]! })
}
