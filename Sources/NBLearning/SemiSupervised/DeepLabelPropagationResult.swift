/// What deep label propagation produced.
public struct DeepLabelPropagationResult: Sendable {
    /// The trained classifier (outputs logits).
    public var model: MLP<Double>
    /// The network's class for every sample (labelled ones included).
    public var transduction: [Int]
    /// The graph's class for every sample in the last round (the pseudo-labels the network saw,
    /// except that labelled samples kept their labels in training).
    public var propagated: [Int]
    /// The certainty ω = 1 − H/log C of every pseudo-label in the last round (1 for labelled samples).
    public var certainty: [Double]
}
