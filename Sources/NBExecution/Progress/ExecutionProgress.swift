import NBLearning

/// Hears which cell of which notebook is running, for a progress display (`nb render` on a
/// terminal). It is handed to `NotebookExecution` the way a `Budget` is handed to a library loop:
/// no global state, and a run without one reports nothing.
///
/// Calls come from the threads that run the cells (several notebooks at once under `nb build`),
/// so implementations must be thread-safe.
public protocol ExecutionProgress: Sendable {
    /// `cell` starts running; the returned sink (if any) hears from the long loops of its builtins.
    func cellStarted(_ cell: RunningCell) -> (any ProgressSink)?
    /// `cell` finished (with or without an error).
    func cellFinished(_ cell: RunningCell)
}

/// A cell being run, as a progress display names it.
public struct RunningCell: Sendable, Hashable {
    /// The notebook's path as the command was given it.
    public var notebook: String
    /// 0-based index of the cell in its notebook.
    public var index: Int
    /// The cell's id (`dae` for `id=dae`, otherwise its number).
    public var id: String
    /// The Markdown line of the cell's opening fence.
    public var line: Int

    public init(notebook: String, index: Int, id: String, line: Int) {
        self.notebook = notebook; self.index = index; self.id = id; self.line = line
    }
}
