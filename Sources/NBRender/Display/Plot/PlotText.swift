import NBDocument

/// A plot title, axis label or legend entry that may hold TeX between `$…$`
/// (`"$F(w_k) - F^\star$ after k steps"`): the formulas become runs of SVG text from the document's
/// TeX parser (`MathText`), single-letter variables italic and scripts raised or lowered with
/// `<tspan dy>` at a smaller size. Text without a `$` pair is one plain run.
struct PlotText: Equatable {
    var runs: [MathTextRun]
    /// Whether any part came from TeX.
    var hasMath: Bool

    /// Reads `label`; its formulas are found by the pages' own rules (`MathScanner`: `$5 and $6`
    /// is text, `$x^2$` a formula).
    init(_ label: String) {
        var runs: [MathTextRun] = []
        var position = label.startIndex
        let spans = label.contains("$") || label.contains("\\(") ? MathScanner.scan(label).spans : []
        for span in spans {
            if span.range.lowerBound > position { runs.append(MathTextRun(String(label[position..<span.range.lowerBound]))) }
            runs += MathText.runs(span.tex)
            position = span.range.upperBound
        }
        if position < label.endIndex { runs.append(MathTextRun(String(label[position...]))) }
        self.runs = runs
        self.hasMath = !spans.isEmpty
    }

    /// The text as one string (the `<title>` and measurements of plain labels).
    var plain: String { runs.map(\.text).joined() }

    /// Estimated width at `fontSize`.
    func width(fontSize: Double) -> Double {
        runs.reduce(0) { $0 + TextMetrics.width($1.text, fontSize: fontSize * $1.scale) }
    }

    /// The escaped content of the `<text>` element: plain text as is, runs as `<tspan>`s with the
    /// font size, style and vertical offset (relative to the previous run) each needs.
    func svg(fontSize: Double) -> String {
        guard hasMath else { return HTMLEscaping.escape(plain) }
        var out = ""
        var rise = 0.0
        for run in runs {
            var attributes = ""
            let dy = (rise - run.rise) * fontSize
            if dy != 0 { attributes += " dy=\"\(SVGNumber.format(dy))\"" }
            if run.scale != 1 { attributes += " font-size=\"\(SVGNumber.format(fontSize * run.scale))\"" }
            if run.italic { attributes += " font-style=\"italic\"" }
            rise = run.rise
            out += attributes.isEmpty ? HTMLEscaping.escape(run.text)
                : "<tspan" + attributes + ">" + HTMLEscaping.escape(run.text) + "</tspan>"
        }
        return out
    }
}
