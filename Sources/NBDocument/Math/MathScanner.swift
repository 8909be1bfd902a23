/// The protection pass: finds the formulas in Markdown source before libcmark sees it, so that
/// backslashes, `_` and `*` inside math survive.
///
/// Rules (SPEC §3):
/// - `$…$` follows pandoc: the opening `$` is not followed by whitespace, the closing `$` is not
///   preceded by whitespace nor followed by a digit; `\$` is a literal dollar, so `$5 and $6` is text.
/// - `$$…$$` may span lines (not a blank line); an unterminated `$$` stays text and is reported.
/// - `\(…\)` is inline, `\[…\]` display.
/// - Code spans (backtick runs of any length), fenced code blocks (``` and ~~~) and indented code
///   blocks contain no math.
///
/// The scan works on UTF-8 bytes and is linear in the size of the input.
public enum MathScanner {
    /// Finds math in Markdown source.
    public static func scan(_ markdown: String) -> (spans: [MathSpan], diagnostics: [MathDiagnostic]) {
        var copy = markdown
        return copy.withUTF8 { bytes in
            var found: [InlineMathScan.Found] = []
            var unterminated: [Int] = []
            for region in MarkdownBlockScan(bytes: bytes).inlineRegions() {
                InlineMathScan.scan(bytes, region: region, into: &found, unterminated: &unterminated)
            }
            let utf8 = markdown.utf8
            var locator = LineLocator(bytes: bytes)
            let spans = found.map { item -> MathSpan in
                let (line, column) = locator.position(of: item.start)
                let lower = utf8.index(utf8.startIndex, offsetBy: item.start)
                let upper = utf8.index(lower, offsetBy: item.end - item.start)
                let tex = texOfSpan(bytes, item)
                return MathSpan(range: lower..<upper, tex: tex, delimiter: item.delimiter, line: line, column: column)
            }
            locator = LineLocator(bytes: bytes)
            let diagnostics = unterminated.map { offset -> MathDiagnostic in
                let (line, column) = locator.position(of: offset)
                return MathDiagnostic(message: "unterminated $$: no closing $$ before the end of the paragraph; left as text",
                                      line: line, column: column)
            }
            return (spans, diagnostics)
        }
    }

    /// Whether `span` is alone in its paragraph: only whitespace (and block-quote markers) around
    /// it on its lines, and a blank line, a heading or the start/end of the text before and after.
    /// This is the kramdown rule that makes `$$…$$` display math.
    public static func isStandalone(_ span: MathSpan, in markdown: String) -> Bool {
        let utf8 = markdown.utf8
        guard span.range.lowerBound >= utf8.startIndex, span.range.upperBound <= utf8.endIndex else { return false }
        let start = utf8.distance(from: utf8.startIndex, to: span.range.lowerBound)
        let end = utf8.distance(from: utf8.startIndex, to: span.range.upperBound)
        var copy = markdown
        return copy.withUTF8 { bytes in
            StandaloneCheck(bytes: bytes).isAlone(start: start, end: end)
        }
    }

    /// Whether the span is display math: `\[…\]` always, `$$…$$` when it stands alone in its
    /// paragraph, `$…$` and `\(…\)` never.
    public static func isDisplay(_ span: MathSpan, in markdown: String) -> Bool {
        switch span.delimiter {
        case .bracket: true
        case .doubleDollar: isStandalone(span, in: markdown)
        case .dollar, .parenthesis: false
        }
    }
}
