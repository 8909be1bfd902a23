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

    func alignment(ofColumn column: Int) -> Alignment {
        columnAlignments.isEmpty ? .center : columnAlignments[column % columnAlignments.count]
    }
}
