/// The verdict on one counted cell (SPEC §6: a cell with an `output` block, an `assert`, a
/// `gradtable`/`gradcheck`, or `error=true` is one test).
public struct CellTestResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case passed
        /// `message` says what failed; `detail` holds the diff or the error text.
        case failed(message: String, detail: String)
        case skipped(reason: String)
    }

    /// The notebook path as given on the command line.
    public var file: String
    /// 1-based line of the cell's opening fence.
    public var line: Int
    /// The cell's `id=` option or `cell-N`.
    public var cellID: String
    public var status: Status

    public init(file: String, line: Int, cellID: String, status: Status) {
        self.file = file; self.line = line; self.cellID = cellID; self.status = status
    }

    public var passed: Bool { if case .passed = status { return true } else { return false } }
    public var failed: Bool { if case .failed = status { return true } else { return false } }
    public var skipped: Bool { if case .skipped = status { return true } else { return false } }
}

/// Counts over many results, and the SPEC §2 closing line `N passed, N failed[, N skipped][, N unchecked displays]`.
public struct TestSummary: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// Cells that display something checked by nothing (`nb test` without `--strict`).
    public var uncheckedDisplays = 0

    public init(_ results: [CellTestResult], uncheckedDisplays: Int = 0) {
        self.uncheckedDisplays = uncheckedDisplays
        for r in results {
            switch r.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }
    }

    public var line: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
            + (uncheckedDisplays > 0 ? ", \(uncheckedDisplays) unchecked display\(uncheckedDisplays == 1 ? "" : "s")" : "")
    }
}
