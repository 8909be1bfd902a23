/// An `<mtable>`: rows of cells, column alignment cycling through `columnAlignments`.
struct MathTable: Sendable, Equatable {
    enum Alignment: String, Sendable { case left, center, right }

    var rows: [[MathNode]]
    var columnAlignments: [Alignment]
    /// Cells in display style (aligned, gathered, dcases) rather than text style (matrices).
    var displayStyle: Bool
    /// Pairs of right/left columns sit flush against each other (aligned, split, cases).
    var flushPairs: Bool
    /// Rows packed tightly (`\substack` under a large operator).
    var compact = false
    /// Row boundaries with a rule (`\\hline`): 0 above the first row, `rows.count` below the last.
    var horizontalLines: Set<Int> = []
    /// Column boundaries with a rule (`{c|c}`): 0 left of the first column.
    var verticalLines: Set<Int> = []

    func alignment(ofColumn column: Int) -> Alignment {
        columnAlignments.isEmpty ? .center : columnAlignments[column % columnAlignments.count]
    }
}
