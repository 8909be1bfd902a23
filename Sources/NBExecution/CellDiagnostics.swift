import NBDocument
import NBLanguage

extension NotebookExecution {
    /// Why each failed cell failed, as diagnostics at file positions (in cell order): an error it was
    /// not expected to have (at the error, with its hint), a check that failed (at the check), or an
    /// `error=true` cell that ran without one (at the cell). The same cells `failedCells` names.
    public static func diagnostics(_ cells: [Cell], _ outcomes: [CellOutcome]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (cell, outcome) in zip(cells, outcomes) {
            if let error = outcome.error, !cell.options.error {
                diagnostics.append(Diagnostic(.error, error.message, at: error.location, hint: error.hint))
            } else if cell.options.error, outcome.error == nil {
                diagnostics.append(Diagnostic(.error, "cell \(cell.id) is marked error=true but ran without an error",
                                              at: cell.location, hint: "remove error=true, or make the cell fail as intended"))
            }
            for check in outcome.checks where !check.passed {
                diagnostics.append(Diagnostic(.error, check.message, at: check.location))
            }
        }
        return diagnostics
    }

    /// Inline code in the prose that failed (a check that does not hold, code that stopped with an
    /// error), as diagnostics at its position; the message quotes the sentence around it.
    public static func diagnostics(_ inlineCode: [InlineCode], _ outcomes: [CellOutcome?]) -> [Diagnostic] {
        zip(inlineCode, outcomes).compactMap { code, outcome -> Diagnostic? in
            guard let outcome, let problem = InlineProblem(code, outcome) else { return nil }
            return Diagnostic(.error, problem.oneLine, at: TextLocation(line: problem.line, column: problem.column))
        }
    }
}

