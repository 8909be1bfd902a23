/// An executable cell: a fenced block whose info string starts with the word `nb`.
public struct Cell: Sendable, Equatable {
    /// 0-based position among the document's cells.
    public var index: Int
    /// The `id=` option, or the cell's 1-based number.
    public var id: String
    public var options: CellOptions
    /// The code, as cmark reads it (fence indentation removed, final line ending kept).
    public var source: String
    /// 1-based line and column of the first source line (the line after the opening fence).
    public var sourceLocation: TextLocation
    /// The opening fence.
    public var location: TextLocation
    /// Bytes of the whole block in the file: from the first fence character to the end of the
    /// closing fence line, its line ending excluded (to the end of the file when unclosed).
    public var fenceRange: Range<Int>
    /// The `output` block right after the cell, if any.
    public var expectedOutput: ExpectedOutput?

    public init(index: Int, id: String, options: CellOptions, source: String, sourceLocation: TextLocation,
                location: TextLocation, fenceRange: Range<Int>, expectedOutput: ExpectedOutput? = nil) {
        self.index = index
        self.id = id
        self.options = options
        self.source = source
        self.sourceLocation = sourceLocation
        self.location = location
        self.fenceRange = fenceRange
        self.expectedOutput = expectedOutput
    }

    /// The HTML id of the cell (`cell-<id>`).
    public var anchor: String { "cell-\(id)" }
}

/// The expected text transcript written in an `output` block after a cell.
public struct ExpectedOutput: Sendable, Equatable {
    public var text: String
    /// The opening fence.
    public var location: TextLocation
    /// Bytes of the block's body in the file: from the start of the line after the opening fence
    /// to the start of the closing fence line (so it ends with the last body line's line ending).
    /// `nb test --accept` replaces exactly these bytes.
    public var bodyRange: Range<Int>
    /// Bytes of the whole block, as for `Cell.fenceRange`.
    public var fenceRange: Range<Int>
    /// `false` when the block runs to the end of the file without a closing fence.
    public var isClosed: Bool

    public init(text: String, location: TextLocation, bodyRange: Range<Int>, fenceRange: Range<Int>, isClosed: Bool) {
        self.text = text
        self.location = location
        self.bodyRange = bodyRange
        self.fenceRange = fenceRange
        self.isClosed = isClosed
    }
}
