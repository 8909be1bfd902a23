import NBDocument
import NBLanguage

/// How one cell fared against its expectations.
struct CellVerdict {
    let cell: Cell
    let outcome: CellOutcome
    /// The actual output against the `output` block, compared once (nil without a block).
    let comparison: TranscriptComparison?

    init(cell: Cell, outcome: CellOutcome, tolerance: Tolerance) {
        self.cell = cell
        self.outcome = outcome
        let tolerance = Tolerance(rtol: cell.options.rtol ?? tolerance.rtol, atol: cell.options.atol ?? tolerance.atol)
        comparison = cell.expectedOutput.map {
            TranscriptComparison(expected: $0.text, actual: outcome.transcript, tolerance: tolerance)
        }
    }

    struct Problem {
        var message: String
        var detail: String
    }

    /// The cell is a test (SPEC §6), or it broke.
    var counts: Bool {
        cell.expectedOutput != nil || !outcome.checks.isEmpty || cell.options.error || outcome.error != nil
    }

    /// The cell shows something (its output is not hidden) but has no `output` block: what it
    /// displays is checked by nothing, and deleting a block leaves exactly such a cell.
    var isUncheckedDisplay: Bool {
        cell.expectedOutput == nil && cell.options.output && !outcome.items.isEmpty
    }

    /// The first reason the cell fails, or nil when it passes. With `ignoringOutput` (`--accept`),
    /// a differing output block is not a failure: it is rewritten.
    func problem(ignoringOutput: Bool) -> Problem? {
        if cell.options.error, outcome.error == nil {
            return Problem(message: "the cell is marked error=true but ran without an error",
                           detail: "remove error=true, or make the cell fail as intended")
        }
        if !cell.options.error, let error = outcome.error {
            var detail = "\(error.location.line):\(error.location.column): \(error.message)"
            if let hint = error.details { detail += "\nhint: \(hint)" }
            return Problem(message: "the cell failed: \(error.message)", detail: detail)
        }
        if let failed = outcome.checks.first(where: { !$0.passed }) {
            let count = outcome.checks.filter { !$0.passed }.count
            let more = count > 1 ? " (and \(count - 1) more)" : ""
            return Problem(message: "\(failed.kind.rawValue) failed at line \(failed.location.line): \(failed.message)\(more)",
                           detail: outcome.checks.filter { !$0.passed }
                               .map { "\($0.location.line):\($0.location.column): \($0.kind.rawValue): \($0.message)" }
                               .joined(separator: "\n"))
        }
        if !ignoringOutput, let expected = cell.expectedOutput, let comparison {
            if !comparison.matches {
                return Problem(message: "output differs from the output block at line \(expected.location.line)",
                               detail: comparison.diff)
            }
        }
        return nil
    }

    /// The edit `--accept` makes for this cell, if any: a new body when the output block differs,
    /// a new block when the cell displays something and has none.
    var acceptEdit: OutputEdit? {
        let actual = outcome.transcript
        if let expected = cell.expectedOutput, let comparison {
            return comparison.matches ? nil : OutputEdit(placement: .replaceBody(expected.bodyRange), transcript: actual)
        }
        guard !actual.isEmpty else { return nil }
        return OutputEdit(placement: .insertBlock(at: cell.fenceRange.upperBound), transcript: actual)
    }
}
