extension DisplayItem {
    /// The SPEC §5 text transcript of the item.
    public var transcript: String {
        switch self {
        case .printed(let text), .value(let text): return text
        case .formula(let text, _): return text
        case .table(let table): return table.transcript
        case .plot(let plot): return plot.transcript
        case .images(let grid): return grid.transcript
        }
    }
}

extension DisplayTable {
    /// The caption (if any), then header and rows as left-aligned columns two spaces apart,
    /// with a dashed rule under the header. Trailing spaces are trimmed.
    public var transcript: String {
        let all = [columns] + rows
        let width = columns.indices.map { column in
            all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                if column > 0 { text += "  " }
                text += cell
                if column < width.count { text += String(repeating: " ", count: max(0, width[column] - cell.count)) }
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines: [String] = []
        if let caption { lines.append(caption) }
        lines.append(line(columns))
        lines.append(line(width.map { String(repeating: "-", count: $0) }))
        lines.append(contentsOf: rows.map(line))
        return lines.joined(separator: "\n")
    }
}

extension CellOutcome {
    /// The cell's text transcript: its items one after another, then its error (SPEC §5).
    public var transcript: String {
        var parts = items.map(\.transcript)
        if let error { parts.append(error.transcript) }
        return parts.joined(separator: "\n")
    }
}
