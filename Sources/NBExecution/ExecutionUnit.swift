import NBDocument
import NBLanguage

/// One thing the session runs, in document order: a cell, or inline code in the prose between
/// cells (`{nb} expr`, `{nb} assert expr`, `\nb{expr}`), which runs after the cells above it and
/// before the cells below it.
public enum ExecutionUnit: Sendable {
    case cell(Cell)
    case inline(InlineCode)

    /// The document's cells and inline code, ordered by where they start in the file.
    public static func units(of document: Document) -> [ExecutionUnit] {
        guard !document.inlineCode.isEmpty else { return document.cells.map(ExecutionUnit.cell) }
        let cells = document.cells.map { (offset: $0.fenceRange.lowerBound, unit: ExecutionUnit.cell($0)) }
        let inline = document.inlineCode.map { (offset: $0.offset, unit: ExecutionUnit.inline($0)) }
        return (cells + inline).sorted { $0.offset < $1.offset }.map(\.unit)
    }

    /// The unit as the cache sees it. Inline code runs from line 1, column 1 and has its positions
    /// moved into the file afterwards (`placed`), so prose edits around it never invalidate it; its
    /// `{nb} ` prefix keeps it apart from a cell with the same text.
    var cacheCell: CacheCell {
        switch self {
        case .cell(let cell):
            CacheCell(source: cell.source, line: cell.sourceLocation.line,
                      label: "cell \(cell.index + 1) (line \(cell.sourceLocation.line))")
        case .inline(let code):
            CacheCell(source: (code.kind == .math ? "\\nb " : "{nb} ") + code.source, line: 1,
                      label: "inline \(code.written) (line \(code.location.line):\(code.location.column))")
        }
    }
}

extension CellOutcome {
    /// An inline code outcome (positions from line 1, column 1 of its code) with its positions in
    /// the file: on the code's first line they move to `location`; anywhere else (inside a
    /// function defined in a cell) the error is reported at the inline code itself.
    func placed(at location: TextLocation) -> CellOutcome {
        func place(_ position: TextLocation) -> TextLocation {
            position.line == 1 ? TextLocation(line: location.line, column: location.column + position.column - 1)
                : TextLocation(line: location.line, column: location.column)
        }
        var copy = self
        if let error { copy.error?.location = place(error.location); copy.error?.cellLine = 1 }
        for index in copy.checks.indices { copy.checks[index].location = place(copy.checks[index].location) }
        return copy
    }
}
