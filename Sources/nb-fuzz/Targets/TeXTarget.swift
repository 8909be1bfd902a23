import NBDocument

/// The TeX parser and MathML writer, and the Markdown math scanner in front of them.
///
/// The input is used twice: as a formula (inline and display), and as Markdown whose `$…$`,
/// `$$…$$`, `\(…\)`, `\[…\]` spans are found (in order, not overlapping) and converted.
struct TeXTarget: FuzzTarget {
    let name = "tex"
    let hangSeconds = 5.0
    let tokens = [
        "\\frac{", "\\sqrt[", "\\left(", "\\right)", "\\left.", "\\middle|", "\\begin{matrix}", "\\end{matrix}",
        "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{cases}", "\\begin{array}{cc}", "\\end{array}",
        "\\\\", "&", "^", "_", "^{", "_{", "'", "\\mathbf{", "\\mathrm{", "\\operatorname{", "\\text{", "\\mathbb{",
        "\\sum_{", "\\int", "\\lim_{", "\\over", "\\choose", "\\hat{", "\\overline{", "\\underbrace{", "\\color{red}",
        "\\alpha", "\\nabla", "\\partial", "\\%", "%", "\\", "\\unknown", "\\,", "\\;", "\\!", "\\quad", "{}", "#1",
        "\\def", "\\newcommand", "\\href{javascript:alert(1)}{x}", "<", "&lt;", "\\lt", "\\{", "\\}", "\\|",
        "\\def\\a{\\a\\a}", "\\a", "\\newcommand{\\b}[2][x]{#1#2}", "\\b", "\\let\\c\\b", "\\DeclareMathOperator*{\\d}{d}",
        "\\label{", "\\eqref{", "\\tag{", "\\hline", "\\text{$", "\\(", "\\)", "\\begin{align}", "\\end{align}",
        "\\verb|", "\\char\"", "\\llap{", "\\Large", "\\bra{", "\\genfrac", "\\u{FFFF}",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] {
        notebooks.flatMap { notebook in
            MathScanner.scan(notebook.document.source.text).spans.map { Array($0.tex.utf8) }
        }
    }

    func run(_ input: [UInt8]) throws(Violation) {
        let text = String(decoding: input, as: UTF8.self)
        for display in [false, true] {
            let (mathML, _) = MathML.render(text, display: display)
            try HTMLInvariants.check(mathML, what: "MathML")
        }
        let (spans, _) = MathScanner.scan(text)
        var previousEnd = text.utf8.startIndex
        for span in spans {
            guard span.range.lowerBound >= text.utf8.startIndex, span.range.upperBound <= text.utf8.endIndex,
                  span.range.lowerBound <= span.range.upperBound else {
                throw Violation("math span range outside the text")
            }
            guard span.range.lowerBound >= previousEnd else {
                throw Violation("math spans overlap or are out of order at line \(span.line)")
            }
            previousEnd = span.range.upperBound
            let (mathML, _) = MathML.render(span, in: text)
            try HTMLInvariants.check(mathML, what: "MathML of a span")
        }
    }
}
