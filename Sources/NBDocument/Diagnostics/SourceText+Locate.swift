extension SourceText {
    /// `diagnostics` with the ``Diagnostic/location`` of each one that has a span worked out from
    /// its byte offset (the others are kept as they are), in the same order.
    ///
    /// One pass per line touched: offsets are visited in ascending order and the scalar count
    /// carries on from the previous offset on the same line, so any number of diagnostics on one
    /// long line cost one walk over it.
    public func locate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let offsets = diagnostics.map { $0.span?.lowerBound ?? -1 }
        let order = offsets.indices.filter { offsets[$0] >= 0 }.sorted { offsets[$0] < offsets[$1] }
        let locations = locations(ofAscending: order.map { offsets[$0] })
        var located = diagnostics
        for (rank, index) in order.enumerated() { located[index].location = locations[rank] }
        return located
    }

    /// The locations of byte offsets given in ascending order (see ``location(ofByte:)``).
    func locations(ofAscending offsets: [Int]) -> [TextLocation] {
        var result: [TextLocation] = []
        result.reserveCapacity(offsets.count)
        let utf8 = text.utf8
        let total = utf8.count
        var line = -1
        var counted = 0     // byte offset the column has been counted up to
        var column = 1
        var position = utf8.startIndex
        for raw in offsets {
            let offset = max(0, min(raw, total))
            let index = lineIndex(ofByte: offset)
            if index != line || offset < counted {
                line = index
                counted = lineStarts[index]
                column = 1
                position = utf8.index(utf8.startIndex, offsetBy: counted)
            }
            while counted < offset {
                // A scalar starts at every byte that is not a continuation byte.
                if utf8[position] & 0xC0 != 0x80 { column += 1 }
                counted += 1
                position = utf8.index(after: position)
            }
            result.append(TextLocation(line: index + 1, column: column))
        }
        return result
    }
}
