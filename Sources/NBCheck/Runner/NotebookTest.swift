import Foundation
import NBDocument
import NBExecution
import NBLanguage

/// Runs one notebook and judges its counted cells (SPEC §6).
///
/// A cell counts as a test when it has an `output` block, performed a check (`assert`,
/// `gradtable`, `gradcheck`), or is marked `error=true`. A cell that fails unexpectedly counts too:
/// a broken cell is never silently passed over. So does each inline check in the prose
/// (`{nb} assert …`) and each inline expression that fails.
public struct NotebookTest: Sendable {
    public struct Options: Sendable {
        /// Rewrite the bodies of `output` blocks (and add missing ones) with the actual output.
        public var accept: Bool
        /// Only judge cells whose id is one of these (others are reported as skipped).
        public var filter: Set<String>
        /// A cell that displays something without an `output` block fails instead of being
        /// counted as an unchecked display.
        public var strict: Bool
        /// Hears which cell runs (a terminal's progress line); nil for none.
        public var progress: (any ExecutionProgress)?
        public init(accept: Bool = false, filter: Set<String> = [], strict: Bool = false, progress: (any ExecutionProgress)? = nil) {
            self.accept = accept
            self.filter = filter
            self.strict = strict
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
        /// Cells that display something that nothing checks (no `output` block), by id; with
        /// `strict` they are failures instead.
        public var uncheckedDisplays: [String] = []
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
            let source = try NotebookSource.load(file)
            (bytes, document) = (source.bytes, source.document)
        } catch {
            return Report(file: file, results: [], failures: [], acceptedEdits: 0,
                          inputDiagnostic: error.diagnostic, diagnostics: [], source: nil)
        }
        if options.accept { AtomicFile.removeLeftovers(of: URL(fileURLWithPath: file)) }
        var execution = NotebookExecution(document: document, path: file)
        execution.progress = options.progress
        let run = execution.run()
        let outcomes = run.outcomes
        let session = execution.sessionOptions
        let tolerance = Tolerance(rtol: session.rtol, atol: session.atol)

        var results: [CellTestResult] = []
        var failures: [String] = []
        var edits: [OutputEdit] = []
        var unchecked: [String] = []
        for (cell, outcome) in zip(document.cells, outcomes) {
            let verdict = CellVerdict(cell: cell, outcome: outcome, tolerance: tolerance)
            let accepted = options.accept && verdict.acceptEdit.map { Self.canApply($0, after: cell, in: bytes) } == true
            if accepted, let edit = verdict.acceptEdit { edits.append(edit) }
            let uncheckedDisplay = verdict.isUncheckedDisplay && !accepted
            let strictFailure = uncheckedDisplay && options.strict
            if uncheckedDisplay, !strictFailure { unchecked.append(cell.id) }
            guard verdict.counts || strictFailure else { continue }
            let status: CellTestResult.Status
            if !options.filter.isEmpty, !options.filter.contains(cell.id) {
                status = .skipped(reason: "not selected by --filter")
            } else if strictFailure, verdict.problem(ignoringOutput: false) == nil {
                let message = "the cell displays something that nothing checks (--strict)"
                let detail = "add its output block (nb test --accept), or hide the display with output=false"
                status = .failed(message: message, detail: detail)
                failures.append(FailureReport.text(file: file, cell: cell, message: message, detail: detail))
            } else if let problem = verdict.problem(ignoringOutput: options.accept) {
                status = .failed(message: problem.message, detail: problem.detail)
                failures.append(FailureReport.text(file: file, cell: cell, message: problem.message, detail: problem.detail))
            } else {
                status = .passed
            }
            results.append(CellTestResult(file: file, line: cell.location.line, cellID: cell.id, status: status))
        }
        // Inline checks are tests; inline code that fails is a failure. `--accept` never touches
        // prose: only output blocks are rewritten.
        for (code, outcome) in zip(document.inlineCode, run.inlineOutcomes) where code.kind == .check || outcome.error != nil {
            let problem = InlineProblem(code, outcome)
            let status: CellTestResult.Status
            if !options.filter.isEmpty {
                status = .skipped(reason: "not selected by --filter")
            } else if let problem {
                status = .failed(message: problem.message, detail: problem.detail)
                failures.append(FailureReport.text(file: file, inline: problem))
            } else {
                status = .passed
            }
            results.append(CellTestResult(file: file, line: code.location.line,
                                          cellID: "inline-\(code.location.line)-\(code.location.column)", status: status))
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
                      inputDiagnostic: nil, diagnostics: document.diagnostics, source: document.source.text,
                      uncheckedDisplays: unchecked)
    }

    /// A block added after a cell whose fence runs to the end of the file would land inside the
    /// cell: such a cell gets none.
    private static func canApply(_ edit: OutputEdit, after cell: Cell, in bytes: [UInt8]) -> Bool {
        guard case .insertBlock = edit.placement else { return true }
        return FenceLine.isClosed(cell.fenceRange, in: bytes)
    }
}
