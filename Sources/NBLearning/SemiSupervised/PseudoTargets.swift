/// The pseudo-label and training weight ζ·ω of every sample, and the certainty ω alone.
struct PseudoTargets: Sendable {
    var labels: [Int]
    var weights: [Double]
    var certainty: [Double]

    /// From the graph's result; `known[i]` is sample i's given label or nil. Labels must lie in
    /// 0..<`classes`.
    init(_ spread: LabelSpreadingResult, labels known: [Int?], classes: Int) {
        let k = spread.classes.count
        let logClasses = Double.logarithm(Double(Swift.max(k, 2)))
        let labels = known.indices.map { known[$0] ?? spread.transduction[$0] }
        let certainty = known.indices.map { i -> Double in
            guard known[i] == nil, k > 1 else { return 1 }
            var entropy = 0.0
            for p in spread.distributions[(i * k)..<((i + 1) * k)] where p > 0 { entropy -= p * Double.logarithm(p) }
            return Swift.max(0, 1 - entropy / logClasses)
        }
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[label] += 1 }
        let present = Double(counts.filter { $0 > 0 }.count)
        let n = Double(labels.count)
        weights = labels.indices.map { i in certainty[i] * n / (present * Double(counts[labels[i]])) }
        self.labels = labels
        self.certainty = certainty
    }
}
