/// What label spreading found.
public struct LabelSpreadingResult: Sendable, Equatable {
    /// The classes, in increasing order (the columns of `distributions`).
    public let classes: [Int]
    /// Per sample, the normalised class scores, row-major (sampleCount × classes.count).
    public let distributions: [Double]
    /// Per sample, the class with the largest score (labelled samples included).
    public let transduction: [Int]
    /// The propagation steps taken.
    public let iterations: Int
    /// Whether the scores settled before `maxIterations`.
    public let converged: Bool
}
