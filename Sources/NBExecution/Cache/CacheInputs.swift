/// One cell as the cache sees it: its source text and where it starts in the file.
public struct CacheCell: Sendable, Equatable {
    /// The cell's source, exactly as it will be run.
    public var source: String
    /// 1-based line of the cell's first source line (used to move cached error positions when
    /// prose above the cell grows or shrinks).
    public var line: Int
    /// How `--explain` names it (`cell 3 (line 40)`); not part of any key. Nil: `cell N (line L)`.
    public var label: String?
    public init(source: String, line: Int, label: String? = nil) { self.source = source; self.line = line; self.label = label }
}

/// Everything that decides whether a document's cached cell results are still valid, except the
/// data files (whose contents are read through a `FileFingerprinter` when checking).
public struct CacheDocument: Sendable, Equatable {
    /// The engine version (`nb --version`'s number plus anything that changes results).
    public var engineVersion: String
    /// The document's options in a canonical text form (seed, timeout, tolerances, …).
    public var options: String
    /// The cells in document order.
    public var cells: [CacheCell]
    public init(engineVersion: String, options: String, cells: [CacheCell]) {
        self.engineVersion = engineVersion; self.options = options; self.cells = cells
    }
}

/// Gives the content hash of a data file a cell read (path relative to the notebook's folder),
/// or nil when the file is gone.
public typealias FileFingerprinter = @Sendable (String) -> String?
