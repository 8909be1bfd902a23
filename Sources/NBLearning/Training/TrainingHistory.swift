/// What a training run did: the mean loss of each epoch and, when the targets are labels, the
/// running training accuracy of each epoch (measured on each mini-batch's forward pass, before
/// its update — as micrograd's demo and PyTorch loops report it).
public struct TrainingHistory: Sendable, Equatable {
    public var loss: [Double] = []
    public var accuracy: [Double]?
    /// Optimiser steps taken.
    public var steps = 0

    public init() {}
}

/// A training run that cannot continue.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The loss became nan or infinite (1-based epoch and step within the epoch).
    case nonFiniteLoss(epoch: Int, step: Int, value: Double)
    /// Inputs and targets disagree on the number of samples.
    case sampleCountMismatch(inputs: [Int], targets: Int)

    public var description: String {
        switch self {
        case let .nonFiniteLoss(epoch, step, value):
            "the loss became \(value) at epoch \(epoch), step \(step); try a smaller learning rate"
        case let .sampleCountMismatch(inputs, targets):
            "inputs of shape \(TensorError.format(inputs)) have \(inputs.first ?? 0) samples but there are \(targets) targets"
        }
    }
}
