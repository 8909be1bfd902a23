import NBDocument
import NBLanguage

/// HTML for what a cell shows (SPEC §5): text, formulas, tables, plots, image grids and errors.
///
/// Every string from a computation is escaped with `HTMLEscaping.escape`; the only markup passed
/// through is the MathML of `.formula`, made from its TeX by the same writer as the prose math.
public enum DisplayHTML {
    /// HTML for one display item (no surrounding cell markup).
    public static func render(_ item: DisplayItem) -> String {
        switch item {
        case .printed(let text), .value(let text):
            return preformatted(text)
        case .formula(let text, let tex):
            // Without TeX (a value the engine could not write as a formula), the text form shows.
            guard tex.contains(where: { !$0.isWhitespace }) else { return preformatted(text) }
            return "<div class=\"nb-formula\">" + MathML.render(tex, display: true).mathML + "</div>\n"
        case .table(let table):
            return TableHTML.render(table)
        case .plot(let plot):
            // Two drawings: the stylesheet shows the wide one in a desktop column and the narrow
            // one on a phone, so tick text stays legible on both without script.
            return "<figure class=\"nb-figure\">\n"
                + SVGPlot.render(plot, width: PlotLayout.wideWidth, classes: "nb-plot-wide")
                + SVGPlot.render(plot, width: PlotLayout.narrowWidth, classes: "nb-plot-narrow") + "</figure>\n"
        case .images(let grid):
            return ImageGridHTML.render(grid)
        }
    }

    /// HTML for a cell error: `<div class="nb-error" data-line="L">…</div>` with message, location
    /// and hint.
    public static func render(_ error: CellError) -> String {
        var html = "<div class=\"nb-error\" data-line=\"\(error.location.line)\">\n"
        html += "<p class=\"nb-error-message\"><span class=\"nb-error-label\">error:</span> "
            + HTMLEscaping.escape(error.message) + "</p>\n"
        html += "<p class=\"nb-error-location\">line \(error.location.line), column \(error.location.column)</p>\n"
        if let hint = error.details, !hint.isEmpty {
            html += "<p class=\"nb-error-hint\">hint: " + HTMLEscaping.escape(hint) + "</p>\n"
        }
        return html + "</div>\n"
    }

    /// `<pre class="nb-text">` for printed text and values.
    ///
    /// One trailing newline is dropped (a `print` line would otherwise leave an empty line at the
    /// bottom); a leading newline is doubled because HTML parsers drop the first one after `<pre>`.
    static func preformatted(_ text: String) -> String {
        var body = Substring(text)
        if body.hasSuffix("\n") { body.removeLast() }
        let lead = body.hasPrefix("\n") || body.hasPrefix("\r") ? "\n" : ""
        return "<pre class=\"nb-text\">" + lead + HTMLEscaping.escape(String(body)) + "</pre>\n"
    }
}
