/// One formula found in Markdown source by ``MathScanner/scan(_:)``.
public struct MathSpan: Sendable, Equatable {
    /// The whole span including delimiters, as indices of the scanned text.
    public var range: Range<String.Index>
    /// The TeX between the delimiters, verbatim (minus block-quote markers on continuation lines).
    public var tex: String
    public var delimiter: MathDelimiter
    /// 1-based line of the opening delimiter.
    public var line: Int
    /// 1-based column of the opening delimiter, in Unicode scalars (see ``Diagnostic``).
    public var column: Int
    /// Byte offsets (UTF-8) of the whole span in the scanned text.
    public var offsets: Range<Int>
    /// Where the bytes of ``tex`` come from in the scanned text (see ``offset(ofTeX:)``).
    var origin: TeXOrigin

    public init(range: Range<String.Index>, tex: String, delimiter: MathDelimiter, line: Int, column: Int,
                offsets: Range<Int>) {
        self.init(range: range, tex: tex, delimiter: delimiter, line: line, column: column, offsets: offsets,
                  origin: TeXOrigin(start: offsets.lowerBound + delimiter.opening.utf8.count))
    }

    init(range: Range<String.Index>, tex: String, delimiter: MathDelimiter, line: Int, column: Int,
         offsets: Range<Int>, origin: TeXOrigin) {
        self.range = range
        self.tex = tex
        self.delimiter = delimiter
        self.line = line
        self.column = column
        self.offsets = offsets
        self.origin = origin
    }

    /// The byte offset in the scanned text of byte `texOffset` of ``tex``.
    public func offset(ofTeX texOffset: Int) -> Int {
        origin.offset(ofTeX: texOffset)
    }
}

/// Maps byte offsets in a formula's TeX back to the Markdown it was cut from. The TeX is a copy of
/// the bytes from `start`, except that block-quote markers on continuation lines were left out.
struct TeXOrigin: Sendable, Equatable {
    /// Byte offset of the TeX's first byte in the Markdown.
    var start: Int
    /// For each left-out run of quote markers: the TeX offset it was cut at and the bytes left out
    /// up to and including it. Ascending; empty unless the formula continues inside a block quote.
    var removals: [(texOffset: Int, removedSoFar: Int)] = []

    func offset(ofTeX texOffset: Int) -> Int {
        var removed = 0
        var low = 0, high = removals.count
        while low < high {  // the last removal at or before `texOffset`
            let mid = (low + high) / 2
            if removals[mid].texOffset <= texOffset { low = mid + 1 } else { high = mid }
        }
        if low > 0 { removed = removals[low - 1].removedSoFar }
        return start + texOffset + removed
    }

    static func == (a: Self, b: Self) -> Bool {
        a.start == b.start && a.removals.elementsEqual(b.removals) { $0 == $1 }
    }
}
