import NBDocument

/// The text `nb test` prints for a failing cell: where, the cell, what went wrong, the diff.
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
}
