import NBLanguage

/// What to do with each cell of a document: take its stored outcome, or run it and why.
///
/// Invalidation is always a suffix: a cell's key covers every cell before it, so once one cell
/// must run, every later one runs too. `firstToRun` is that boundary (nil: everything cached).
public struct CachePlan: Sendable, Equatable {
    public enum Decision: Sendable, Equatable {
        case cached(CellOutcome)
        case run(CacheReason)
    }

    public var decisions: [Decision]

    /// Index of the first cell that must run, or nil when every cell is cached.
    public var firstToRun: Int? {
        decisions.firstIndex { if case .run = $0 { true } else { false } }
    }

    /// One line per cell, `cell N (line L): cached` or `cell N (line L): runs — REASON` (inline code: `inline `{nb} x` (line L:C)`), for `--explain`.
    public func explanation(cells: [CacheCell]) -> [String] {
        decisions.indices.map { index in
            let line = index < cells.count ? cells[index].line : 0
            let name = (index < cells.count ? cells[index].label : nil) ?? "cell \(index + 1) (line \(line))"
            switch decisions[index] {
            case .cached: return "\(name): cached"
            case .run(let reason): return "\(name): runs — \(reason)"
            }
        }
    }
}
