import NBDocument
import NBExecution

/// The text `nb test` prints for a failing cell (where, the cell, what went wrong, the diff) or
/// failing inline code (where, what, the sentence).
enum FailureReport {
    static func text(file: String, cell: Cell, message: String, detail: String) -> String {
        var lines = ["FAIL \(file):\(cell.location.line) (cell \(cell.id)): \(message)"]
        let source = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = source.last == "" ? source.dropLast() : source[...]
        for (offset, line) in shown.enumerated() {
            let number = String(cell.sourceLocation.line + offset)
            lines.append("  " + String(repeating: " ", count: max(0, 5 - number.count)) + number + " | " + line)
        }
        if !detail.isEmpty {
            lines.append(contentsOf: detail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    /// The text for failing inline code: `FAIL file:line:col (inline): message`, then the sentence.
    static func text(file: String, inline problem: InlineProblem) -> String {
        var lines = ["FAIL \(file):\(problem.line):\(problem.column) (inline): \(problem.message)"]
        lines.append(contentsOf: problem.detail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 })
        return lines.joined(separator: "\n")
    }
}
