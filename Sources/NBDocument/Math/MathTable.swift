/// An `<mtable>`: rows of cells, column alignment cycling through `columnAlignments`.
struct MathTable: Sendable, Equatable {
    enum Alignment: String, Sendable { case left, center, right }

    /// A rule between columns (`|`, `:` in `{c|c}`) or rows (`\hline`, `\hdashline`).
    enum Line: String, Sendable { case none, solid, dashed }

    var rows: [[MathNode]]
    var columnAlignments: [Alignment]
    /// Cells in display style (aligned, gathered, dcases) rather than text style (matrices).
    var displayStyle: Bool
    /// Pairs of right/left columns sit flush against each other (aligned, split, cases).
    var flushPairs: Bool
    /// Rows packed tightly (`\substack` under a large operator).
    var compact = false
    /// Vertical rules by column boundary: `columnLines[0]` is left of the first column,
    /// `columnLines[i]` between columns `i - 1` and `i`, `columnLines[n]` right of the last one.
    /// Shorter than the boundaries (or empty): no rule at the missing ones.
    var columnLines: [Line] = []
    /// Horizontal rules by row boundary: `rowLines[0]` above the first row, `rowLines[i]`
    /// between rows `i - 1` and `i`, `rowLines[rows.count]` below the last. Shorter: no rule.
    var rowLines: [Line] = []

    func alignment(ofColumn column: Int) -> Alignment {
        columnAlignments.isEmpty ? .center : columnAlignments[column % columnAlignments.count]
    }

    /// The vertical rule at column boundary `index` (`.none` past the end of `columnLines`).
    func columnLine(_ index: Int) -> Line {
        index >= 0 && index < columnLines.count ? columnLines[index] : .none
    }

    /// The horizontal rule at row boundary `index` (`.none` past the end of `rowLines`).
    func rowLine(_ index: Int) -> Line {
        index >= 0 && index < rowLines.count ? rowLines[index] : .none
    }
}
