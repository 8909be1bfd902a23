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

extension LabelSpreadingResult {
    /// Normalises each sample's non-negative class scores (row-major, `sampleCount × classes.count`)
    /// to sum 1 and assigns the arg-max class (ties: the smaller class). A row with no mass gets
    /// `emptyRowValue` in every column — label spreading keeps zeros, as scikit-learn's scores do;
    /// k-NN propagation spreads it uniformly.
    init(normalising scores: [Double], classes: [Int], sampleCount n: Int, emptyRowValue: Double,
         iterations: Int, converged: Bool) {
        let k = classes.count
        var distributions = scores
        var assigned: [Int] = []
        assigned.reserveCapacity(n)
        for sample in 0..<n {
            let row = sample * k
            var total = 0.0
            for column in 0..<k { total += max(0, distributions[row + column]) }
            var best = 0
            for column in 0..<k {
                distributions[row + column] = total > 0 ? max(0, distributions[row + column]) / total : emptyRowValue
                if distributions[row + column] > distributions[row + best] { best = column }
            }
            assigned.append(classes[best])
        }
        self.init(classes: classes, distributions: distributions, transduction: assigned,
                  iterations: iterations, converged: converged)
    }
}
