import NBLearning

/// Label arguments of the semi-supervised builtins: the labels of every sample together with
/// which of them may be used (indices, or a 0/1 mask with one entry per sample).
extension BuiltinCall {
    /// `y` (one label per row of `x`) restricted to the samples `labelled` names; the others are nil.
    func partialLabels(labels index: Int, labelled maskIndex: Int, count: Int) throws(LanguageError) -> [Int?] {
        let all = try labels(try vector(index, "y", count: count), "y", at: index)
        let given = try tensor(maskIndex, "labelled").scalars
        var keep = [Bool](repeating: false, count: count)
        let isMask = given.count == count && given.allSatisfy { $0 == 0 || $0 == 1 }
        if isMask {
            for (i, flag) in given.enumerated() { keep[i] = flag == 1 }
        } else {
            for i in given {
                guard i >= 0, i < Double(count), i == i.rounded() else {
                    throw error("labelled: index \(NumberFormat.format(i)) is outside 0..<\(count)", at: location(of: maskIndex),
                                hint: "pass the indices of the labelled samples, or a 0/1 mask with \(count) entries")
                }
                keep[Int(i)] = true
            }
        }
        guard keep.contains(true) else { throw error("no sample is labelled", at: location(of: maskIndex)) }
        return zip(all, keep).map { $1 ? $0 : nil }
    }
}
