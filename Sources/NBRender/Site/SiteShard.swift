/// One of N slices of a site's notebooks (`nb build --shard K/N`). Every shard computes the same
/// partition from the same inputs, so N machines together build each notebook exactly once.
///
/// Notebooks are dealt heaviest first to the shard with the least work so far (ties: the lower
/// shard, then path order). A notebook's weight is its cells' time in the previous run when the
/// cache knows it; an unknown notebook weighs the mean of the known ones (1 when none is known).
public struct SiteShard: Sendable, Equatable {
    /// 1-based: 1…count.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index; self.count = count
    }

    /// Reads `K/N` (1 ≤ K ≤ N); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } && $0.count <= 6 }),
              let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// The notebooks of this shard, in path order. `weight` gives a notebook's known cost.
    public func slice(_ notebooks: [String], weight: (String) -> Double?) -> [String] {
        let known = notebooks.map { weight($0).map { max(0, $0) } }
        let knownValues = known.compactMap { $0 }
        let fallback = knownValues.isEmpty ? 1 : knownValues.reduce(0, +) / Double(knownValues.count)
        let weights = known.map { $0 ?? fallback }
        let order = notebooks.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : notebooks[$0] < notebooks[$1] }
        var load = Array(repeating: 0.0, count: count)
        var mine: [String] = []
        for item in order {
            var target = 0
            for shard in 1..<count where load[shard] < load[target] { target = shard }
            load[target] += weights[item]
            if target == index - 1 { mine.append(notebooks[item]) }
        }
        return mine.sorted()
    }
}
