import NBDocument
import NBLanguage

/// HTML for one cell (SPEC §5 hooks): `<div class="nb-cell" id="cell-…" data-line="L">` holding
/// `<pre class="nb-source">`, `<div class="nb-output">` and, when it failed, `<div class="nb-error">`.
enum CellHTML {
    static func render(_ cell: Cell, outcome: CellOutcome?) -> String {
        var html = "<div class=\"nb-cell\" id=\"\(HTMLEscaping.escape(cell.anchor))\" data-line=\"\(cell.location.line)\">\n"
        if cell.options.echo {
            html += "<pre class=\"nb-source\"><code class=\"language-nb\">" + highlighted(trimmingFinalNewline(cell.source))
                + "</code></pre>\n"
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

    /// The source escaped, each token class in `<span class="nb-tok-KIND">` (the language's own
    /// lexer, `SyntaxHighlighter`).
    static func highlighted(_ source: String) -> String {
        var html = ""
        html.reserveCapacity(source.utf8.count * 2)
        for span in SyntaxHighlighter.spans(source) {
            if let kind = span.kind {
                html += "<span class=\"nb-tok-\(kind.rawValue)\">" + HTMLEscaping.escape(span.text) + "</span>"
            } else {
                html += HTMLEscaping.escape(span.text)
            }
        }
        return html
    }

    /// cmark keeps the final line ending of a code block; inside `<pre>` it would show as an
    /// empty last line.
    static func trimmingFinalNewline(_ text: String) -> String {
        var text = Substring(text)
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        return String(text)
    }
}
