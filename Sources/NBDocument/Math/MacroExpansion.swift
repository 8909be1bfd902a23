/// A formula's TeX after its macros were expanded, with the map back to the TeX as written.
struct MacroExpansion {
    /// A run of the expanded TeX: copied from the formula (`verbatim`), or produced by a macro
    /// called at `source`.
    struct Segment {
        var output: Int
        var source: Range<Int>
        var verbatim: Bool
    }

    var tex: [UInt8]
    var segments: [Segment]
    /// Problems with definitions and calls, spans in the TeX as written.
    var diagnostics: [Diagnostic]
    /// When expansion stopped at a limit: the call shown as the formula's error.
    var failure: String?

    /// The span in the TeX as written of `range` of the expanded TeX: the same bytes where they
    /// were copied, the macro call where a macro produced them.
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let lower = sourceRange(of: range.lowerBound)
        guard range.upperBound > range.lowerBound else { return lower.lowerBound..<lower.lowerBound }
        let upper = sourceRange(of: max(range.lowerBound, range.upperBound - 1))
        return lower.lowerBound..<max(lower.lowerBound, upper.upperBound)
    }

    private func sourceRange(of offset: Int) -> Range<Int> {
        var low = 0, high = segments.count
        while low < high {  // the last segment starting at or before `offset`
            let mid = (low + high) / 2
            if segments[mid].output <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return 0..<0 }
        let segment = segments[low - 1]
        guard segment.verbatim else { return segment.source }
        let position = min(segment.source.lowerBound + offset - segment.output, segment.source.upperBound)
        return position..<min(position + 1, segment.source.upperBound)
    }
}
