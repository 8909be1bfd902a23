import NBDocument
import NBLanguage

/// HTML for computed values in prose (`{nb} expr`, `{nb} assert expr`, `\nb{expr}`).
///
/// - an expression shows its value as escaped text in `<span class="nb-value">`;
/// - a check that holds shows a small ✓ (`<span class="nb-check nb-pass">`) whose title is the
///   claim; one that does not shows ✗ and the claim, in the failure colour;
/// - an error shows the code and the message in `<span class="nb-inline-error">`, in place;
/// - without an outcome (cells not run) the code shows as written.
enum InlineHTML {
    /// `html` of a prose block with every computed value in place.
    static func fill(_ html: String, document: Document, outcomes: [CellOutcome?]) -> String {
        document.fillingInline(html, code: { code in
            self.code(code, outcome: code.index < outcomes.count ? outcomes[code.index] : nil)
        }, math: { math in
            formula(math, document: document, outcomes: outcomes)
        })
    }

    static func code(_ code: InlineCode, outcome: CellOutcome?) -> String {
        guard let outcome else { return "<code>" + HTMLEscaping.escape(code.text) + "</code>" }
        if let error = outcome.error, !(code.kind == .check && outcome.checks.contains { !$0.passed }) {
            return errorHTML(code, error)
        }
        switch code.kind {
        case .check:
            let claim = HTMLEscaping.escape(claimText(code))
            if outcome.checks.allSatisfy(\.passed) {
                return "<span class=\"nb-check nb-pass\" title=\"checked: \(claim)\" role=\"img\" aria-label=\"checked: \(claim)\">✓</span>"
            }
            return "<span class=\"nb-check nb-fail\" title=\"this claim does not hold\">✗ <code>\(claim)</code> does not hold</span>"
        case .expression, .math:
            return "<span class=\"nb-value\">" + HTMLEscaping.escape(text(of: outcome)) + "</span>"
        }
    }

    /// The formula's MathML with its values as TeX, or an error in place when one failed.
    static func formula(_ math: ComputedMath, document: Document, outcomes: [CellOutcome?]) -> String {
        for index in math.codes where index < outcomes.count && index < document.inlineCode.count {
            if let error = outcomes[index]?.error { return errorHTML(document.inlineCode[index], error) }
        }
        return math.mathML { index in
            guard index < outcomes.count, let outcome = outcomes[index] else {
                return "\\text{" + InlineTeX.escapedText(index < document.inlineCode.count ? document.inlineCode[index].source : "?") + "}"
            }
            return InlineTeX.tex(text(of: outcome))
        }
    }

    /// The value text of an expression's outcome (its single item).
    static func text(of outcome: CellOutcome) -> String {
        outcome.items.map(\.transcript).joined(separator: " ")
    }

    private static func claimText(_ code: InlineCode) -> String {
        var claim = Substring(code.source)
        if claim.hasPrefix("assert") { claim = claim.dropFirst(6) }
        return String(claim.drop { $0 == " " || $0 == "\t" })
    }

    private static func errorHTML(_ code: InlineCode, _ error: CellError) -> String {
        var title = "line \(error.location.line), column \(error.location.column)"
        if let hint = error.hint, !hint.isEmpty { title += "; hint: " + hint }
        return "<span class=\"nb-inline-error\" data-line=\"\(error.location.line)\" title=\"\(HTMLEscaping.escape(title))\">"
            + "<code>\(HTMLEscaping.escape(code.text))</code> "
            + "<span class=\"nb-error-label\">error:</span> \(HTMLEscaping.escape(error.message))</span>"
    }
}
