import NBDocument
import Foundation
import NBLanguage

/// `<table class="nb-table">` (or `nb-gradtable` for gradient tables) from a `DisplayTable`.
///
/// Columns whose filled cells are all numbers (`1e-8`, `-3`, `nan`, `inf`; `—` counts as empty) are
/// right-aligned with tabular
/// figures (class `nb-num`), each with one precision (`NumericColumn`). The verdict column is the last one whose filled cells are all `✓`/`✗`; if the
/// table has verdicts but no such column, one is appended; either way its header says "check". Verdict cells get `nb-verdict` and
/// `nb-pass`/`nb-fail`, and a ✗ row gets `nb-row-fail`. Ragged rows are padded with empty cells.
enum TableHTML {
    static func render(_ table: DisplayTable) -> String {
        let verdictColumn = findVerdictColumn(table)
        let appendVerdicts = verdictColumn == nil && table.verdicts.contains { $0 != nil }
        var columns = table.columns
        let width = max(columns.count, table.rows.map(\.count).max() ?? 0)
        columns += Array(repeating: "", count: width - columns.count)
        let rows = table.rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        let numeric = (0..<width).map { j in j != verdictColumn && isNumericColumn(rows.map { $0[j] }) }
        // One precision per numeric column (`NumericColumn`).
        var shown = rows
        for j in 0..<width where numeric[j] {
            for (i, text) in NumericColumn.format(rows.map { $0[j] }).enumerated() { shown[i][j] = text }
        }

        let tableClass = table.kind == .gradient ? "nb-gradtable" : "nb-table"
        var html = "<div class=\"nb-table-wrap\">\n<table class=\"\(tableClass)\">\n"
        if let caption = table.caption, !caption.isEmpty {
            html += "<caption>" + HTMLEscaping.escape(caption) + "</caption>\n"
        }
        html += "<thead><tr>"
        for (j, given) in columns.enumerated() {
            // A verdict column without a name is named, so the header row has no empty cell over it.
            let name = j == verdictColumn && trimmed(given).isEmpty ? "check" : given
            html += cell("th", name, classes: headerClasses(numeric: numeric[j], verdict: j == verdictColumn), scope: true)
        }
        if appendVerdicts { html += cell("th", "check", classes: ["nb-verdict"], scope: true) }
        html += "</tr></thead>\n<tbody>\n"
        for (i, row) in rows.enumerated() {
            let given = i < table.verdicts.count ? table.verdicts[i] : nil
            let verdict = given ?? verdictColumn.flatMap { verdictValue(row[$0]) }
            html += verdict == false ? "<tr class=\"nb-row-fail\">" : "<tr>"
            for (j, text) in shown[i].enumerated() {
                if j == verdictColumn {
                    html += verdictCell(text, verdict: verdict)
                } else {
                    html += cell("td", text, classes: numeric[j] ? ["nb-num"] : [])
                }
            }
            if appendVerdicts { html += verdictCell(verdict.map { $0 ? "✓" : "✗" } ?? "", verdict: verdict) }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// A column whose non-empty cells are all ✓ or ✗ (at least one), the last such column.
    static func findVerdictColumn(_ table: DisplayTable) -> Int? {
        let width = table.rows.map(\.count).max() ?? 0
        return (0..<width).last { j in
            let cells = table.rows.map { j < $0.count ? trimmed($0[j]) : "" }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy { verdictValue($0) != nil }
        }
    }

    /// Whether every filled cell is a number, and at least one is; empty cells and placeholders
    /// (`—`, `–`, `-`, `n/a`) do not count.
    static func isNumericColumn(_ cells: [String]) -> Bool {
        let filled = cells.map(trimmed).filter { !placeholders.contains($0) }
        return !filled.isEmpty && filled.allSatisfy(isNumber)
    }

    /// Cell texts meaning "no value".
    static let placeholders: Set<String> = ["", "—", "–", "-", "n/a"]

    /// A number as the transcript prints it: decimal or exponent form, `nan`, `inf`, `-inf`
    /// (also with a `−` minus sign).
    static func isNumber(_ text: String) -> Bool {
        Double(text.replacingOccurrences(of: "−", with: "-")) != nil
    }

    private static func verdictValue(_ text: String) -> Bool? {
        switch trimmed(text) {
        case "✓", "✔": return true
        case "✗", "✘": return false
        default: return nil
        }
    }

    private static func verdictCell(_ text: String, verdict: Bool?) -> String {
        var classes = ["nb-verdict"]
        if let verdict { classes.append(verdict ? "nb-pass" : "nb-fail") }
        return cell("td", text, classes: classes)
    }

    private static func headerClasses(numeric: Bool, verdict: Bool) -> [String] {
        verdict ? ["nb-verdict"] : numeric ? ["nb-num"] : []
    }

    private static func cell(_ tag: String, _ text: String, classes: [String], scope: Bool = false) -> String {
        var open = "<" + tag
        if scope { open += " scope=\"col\"" }
        if !classes.isEmpty { open += " class=\"" + classes.joined(separator: " ") + "\"" }
        return open + ">" + HTMLEscaping.escape(text) + "</" + tag + ">"
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
