/// What a model's output is compared with, and how.
public enum LossFunction: String, Sendable, CaseIterable {
    /// Logits `[N, C]` against class labels.
    case softmaxCrossEntropy
    /// Scores `[N]`/`[N, 1]` against labels ±1 (the SVM max-margin loss).
    case hinge
    /// Predictions against real targets of the same shape.
    case meanSquaredError
}

/// The training targets of a data set.
public enum TrainingTargets<Scalar: TensorScalar>: Sendable {
    /// Class indices `0..<C`, one per sample (cross-entropy; accuracy by argmax).
    case classes([Int])
    /// ±1 per sample (hinge; accuracy by the sign of the score).
    case signs(Tensor<Scalar>)
    /// Real-valued targets with the output's shape (MSE; no accuracy).
    case values(Tensor<Scalar>)

    /// The number of samples.
    public var count: Int {
        switch self {
        case .classes(let labels): labels.count
        case .signs(let signs): signs.shape.first ?? 0
        case .values(let values): values.shape.first ?? 0
        }
    }

    /// The targets of the samples at `indices` (a mini-batch).
    public func gathering(_ indices: [Int]) throws -> TrainingTargets {
        switch self {
        case .classes(let labels): .classes(indices.map { labels[$0] })
        case .signs(let signs): .signs(try signs.gathering(indices))
        case .values(let values): .values(try values.gathering(indices))
        }
    }
}

extension TrackedTensor {
    /// The mean loss of this output against `targets`.
    public func loss(_ function: LossFunction, targets: TrainingTargets<Scalar>) throws -> TrackedTensor {
        switch (function, targets) {
        case (.softmaxCrossEntropy, .classes(let labels)): return try softmaxCrossEntropy(labels: labels)
        case (.hinge, .signs(let signs)): return try hingeLoss(labels: signs)
        case (.meanSquaredError, .values(let values)): return try meanSquaredError(values)
        default:
            throw TensorError.invalidArgument("the \(function.rawValue) loss does not fit these targets (\(targets.kind))")
        }
    }
}

extension TrainingTargets {
    var kind: String {
        switch self {
        case .classes: "class labels"
        case .signs: "±1 labels"
        case .values: "real-valued targets"
        }
    }

    /// How many of `output`'s rows are classified correctly, or nil for regression targets.
    func correctCount(_ output: Tensor<Scalar>) throws -> Int? {
        switch self {
        case .classes(let labels):
            let predicted = try output.argmax(axis: -1)
            return zip(predicted, labels).filter { $0 == $1 }.count
        case .signs(let signs):
            return zip(output.scalars, signs.scalars).filter { ($0 > 0) == ($1 > 0) }.count
        case .values:
            return nil
        }
    }
}
