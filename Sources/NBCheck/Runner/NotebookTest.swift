import Foundation
import NBDocument
import NBExecution
import NBLanguage

/// Runs one notebook and judges its counted cells (SPEC §6).
///
/// A cell counts as a test when it has an `output` block, performed a check (`assert`,
/// `gradtable`, `gradcheck`), or is marked `error=true`. A cell that fails unexpectedly counts too:
/// a broken cell is never silently passed over.
public struct NotebookTest: Sendable {
    public struct Options: Sendable {
        /// Rewrite the bodies of `output` blocks (and add missing ones) with the actual output.
        public var accept: Bool
        /// Only judge cells whose id is one of these (others are reported as skipped).
        public var filter: Set<String>
        /// Hears which cell runs (a terminal's progress line); nil for none.
        public var progress: (any ExecutionProgress)?
        public init(accept: Bool = false, filter: Set<String> = [], progress: (any ExecutionProgress)? = nil) {
            self.accept = accept
            self.filter = filter
            self.progress = progress
        }
    }

    /// What testing one notebook found.
    public struct Report: Sendable {
        public var file: String
        public var results: [CellTestResult]
        /// Human-readable failure reports, in cell order.
        public var failures: [String]
        /// Edits `--accept` made (empty without it).
        public var acceptedEdits: Int
        /// The file could not be read or parsed (exit 2 territory); `results` is empty.
        public var inputError: String? { inputDiagnostic.map { $0.formatted(file: file) } }
        /// Why the file could not be read or parsed, at its position.
        public var inputDiagnostic: Diagnostic?
        /// Warnings from parsing, at positions in `file`.
        public var diagnostics: [Diagnostic]
        /// The file's text (for quoting the lines diagnostics point at); nil when unreadable.
        public var source: String?
    }

    public var file: String
    public var options: Options

    public init(file: String, options: Options = Options()) {
        self.file = file
        self.options = options
    }

    public func run() -> Report {
        let bytes: [UInt8]
        let document: Document
        do {
            guard let data = FileManager.default.contents(atPath: file) else {
                return Report(file: file, results: [], failures: [], acceptedEdits: 0,
                              inputDiagnostic: Diagnostic(.error, "cannot read the file (does it exist?)",
                                                          at: TextLocation(line: 0, column: 0)),
                              diagnostics: [], source: nil)
            }
            bytes = Array(data)
            document = try DocumentParser.parse(bytes: bytes)
        } catch {
            return Report(file: file, results: [], failures: [], acceptedEdits: 0,
                          inputDiagnostic: error.diagnostic, diagnostics: [], source: nil)
        }
        if options.accept { AtomicFile.removeLeftovers(of: URL(fileURLWithPath: file)) }
        var execution = NotebookExecution(document: document, path: file)
        execution.progress = options.progress
        let outcomes = execution.run().outcomes
        let session = execution.sessionOptions
        let tolerance = Tolerance(rtol: session.rtol, atol: session.atol)

        var results: [CellTestResult] = []
        var failures: [String] = []
        var edits: [OutputEdit] = []
        for (cell, outcome) in zip(document.cells, outcomes) {
            let verdict = CellVerdict(cell: cell, outcome: outcome, tolerance: tolerance)
            if options.accept, let edit = verdict.acceptEdit, Self.canApply(edit, after: cell, in: bytes) { edits.append(edit) }
            guard verdict.counts else { continue }
            let status: CellTestResult.Status
            if !options.filter.isEmpty, !options.filter.contains(cell.id) {
                status = .skipped(reason: "not selected by --filter")
            } else if let problem = verdict.problem(ignoringOutput: options.accept) {
                status = .failed(message: problem.message, detail: problem.detail)
                failures.append(FailureReport.text(file: file, cell: cell, message: problem.message, detail: problem.detail))
            } else {
                status = .passed
            }
            results.append(CellTestResult(file: file, line: cell.location.line, cellID: cell.id, status: status))
        }
        if !edits.isEmpty, !document.source.isLossless {
            // Byte ranges refer to the repaired text: rewriting would change bytes we never read.
            failures.append("\(file): error: the file is not valid UTF-8, so --accept will not rewrite it; fix its encoding first")
        } else if !edits.isEmpty {
            let rewritten = AcceptRewriter.apply(edits, to: bytes)
            if rewritten != bytes {
                do {
                    try AtomicFile.write(Data(rewritten), to: URL(fileURLWithPath: file))
                } catch {
                    failures.append("\(file): error: cannot rewrite the file: \(error.localizedDescription)")
                }
            }
        }
        return Report(file: file, results: results, failures: failures, acceptedEdits: edits.count,
                      inputDiagnostic: nil, diagnostics: document.diagnostics, source: document.source.text)
    }

    /// A block added after a cell whose fence runs to the end of the file would land inside the
    /// cell: such a cell gets none.
    private static func canApply(_ edit: OutputEdit, after cell: Cell, in bytes: [UInt8]) -> Bool {
        guard case .insertBlock = edit.placement else { return true }
        return FenceLine.isClosed(cell.fenceRange, in: bytes)
    }
}
