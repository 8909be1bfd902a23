import NBDocument
import NBLanguage

/// HTML for one cell (SPEC §5 hooks): `<div class="nb-cell" id="cell-…" data-line="L">` holding
/// `<pre class="nb-source">`, `<div class="nb-output">` and, when it failed, `<div class="nb-error">`.
enum CellHTML {
    static func render(_ cell: Cell, outcome: CellOutcome?) -> String {
        var html = "<div class=\"nb-cell\" id=\"\(HTMLEscaping.escape(cell.anchor))\" data-line=\"\(cell.location.line)\">\n"
        if cell.options.echo {
            html += "<pre class=\"nb-source\"><code>\(HTMLEscaping.escape(trimmingFinalNewline(cell.source)))</code></pre>\n"
        }
        if cell.options.output {
            // Empty when nothing was shown, so CSS `:empty` hides it.
            let items = outcome?.items ?? []
            html += items.isEmpty ? "<div class=\"nb-output\">" : "<div class=\"nb-output\">\n"
            for item in items {
                html += DisplayHTML.render(item)
            }
            html += "</div>\n"
        }
        if let error = outcome?.error {
            html += DisplayHTML.render(error)
        }
        return html + "</div>\n"
    }

    /// cmark keeps the final line ending of a code block; inside `<pre>` it would show as an
    /// empty last line.
    static func trimmingFinalNewline(_ text: String) -> String {
        var text = Substring(text)
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        return String(text)
    }
}
