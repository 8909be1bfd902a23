import NBLanguage

/// Runs a document's cells in one `Session`, for `CachedExecution`. The session is created on
/// first use, so a document whose cells all come from the cache never builds one.
public struct SessionCellRunner: CellRunning {
    public typealias CellInput = (source: String, origin: SourceLocation, timeout: Double?)

    private let options: SessionOptions
    private var session: Session?
    public let cells: [CellInput]

    /// `cells[i].timeout` overrides the session's default for cell i.
    public init(options: SessionOptions, cells: [CellInput]) {
        self.options = options; self.cells = cells
    }

    public mutating func run(cellAt index: Int) -> CellOutcome {
        let session = self.session ?? Session(options: options)
        self.session = session
        let cell = cells[index]
        return session.run(cell: cell.source, origin: cell.origin, timeout: cell.timeout)
    }
}
