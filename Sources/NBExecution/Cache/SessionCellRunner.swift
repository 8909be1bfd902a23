import NBLanguage

/// Runs a document's cells in one `Session`, for `CachedExecution` (cells are given as source and
/// position; `timeouts[i]` overrides the session's default for cell i).
public struct SessionCellRunner: CellRunning {
    public let session: Session
    public let cells: [(source: String, origin: SourceLocation, timeout: Double?)]

    public init(session: Session, cells: [(source: String, origin: SourceLocation, timeout: Double?)]) {
        self.session = session; self.cells = cells
    }

    public mutating func run(cellAt index: Int) -> CellOutcome {
        let cell = cells[index]
        return session.run(cell: cell.source, origin: cell.origin, timeout: cell.timeout)
    }
}
