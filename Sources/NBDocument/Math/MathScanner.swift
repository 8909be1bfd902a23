/// The protection pass: finds the formulas in Markdown source before libcmark sees it, so that
/// backslashes, `_` and `*` inside math survive.
///
/// Rules (SPEC §3):
/// - `$…$` follows pandoc: the opening `$` is not followed by whitespace, and the first `$` after
///   it decides: it closes when not preceded by whitespace and not followed by a digit (followed by
///   a digit, it still closes when the opener directly follows a letter or digit: `3$\times$3`);
///   otherwise the opener is a literal `$`. `\$` is a literal dollar, so `$5 and $6` is text.
/// - `$$…$$` may span lines (not a blank line); an unterminated `$$` stays text and is reported.
/// - `\(…\)` is inline; `\[…\]` is display when `\[` starts its line and `\]` ends one, and
///   escaped brackets in prose otherwise (`see \[1\]`).
/// - Code spans (backtick runs of any length), fenced code blocks (``` and ~~~) and indented code
///   blocks contain no math; nor do link destinations and titles, link reference definitions and
///   autolinks, which are read by cmark's rules so that `[x](…Foo_\(bar\))` keeps its URL.
///
/// The scan works on UTF-8 bytes and is linear in the size of the input.
public enum MathScanner {
    /// Finds math in Markdown source. Positions: ``MathSpan/offsets`` in UTF-8 bytes, line and
    /// column as ``Diagnostic`` counts them (columns in Unicode scalars); the diagnostics are located
    /// in `markdown`.
    public static func scan(_ markdown: String) -> (spans: [MathSpan], diagnostics: [Diagnostic]) {
        let found = scan(markdown, locating: true)
        return (found.spans, SourceText(markdown).locate(found.diagnostics))
    }

    /// The scan; with `locating == false`, spans get line and column 0 and diagnostics are left
    /// unlocated (the document pipeline locates everything once, in the file).
    static func scan(_ markdown: String, locating: Bool) -> (spans: [MathSpan], diagnostics: [Diagnostic]) {
        var copy = markdown
        return copy.withUTF8 { bytes in
            var found: [InlineMathScan.Found] = []
            var unterminated: [Int] = []
            for region in MarkdownBlockScan(bytes: bytes).inlineRegions() {
                InlineMathScan.scan(bytes, region: region, into: &found, unterminated: &unterminated)
            }
            let locations = locating ? SourceText(markdown).locations(ofAscending: found.map(\.start)) : []
            let utf8 = markdown.utf8
            let spans = found.indices.map { index -> MathSpan in
                let item = found[index]
                let lower = utf8.index(utf8.startIndex, offsetBy: item.start)
                let upper = utf8.index(lower, offsetBy: item.end - item.start)
                let (tex, origin) = texOfSpan(bytes, item)
                let location = locating ? locations[index] : TextLocation(line: 0, column: 0)
                return MathSpan(range: lower..<upper, tex: tex, delimiter: item.delimiter, line: location.line,
                                column: location.column, offsets: item.start..<item.end, origin: origin)
            }
            let diagnostics = unterminated.map { offset in
                Diagnostic(.warning, "unterminated $$: no closing $$ before the end of the paragraph; left as text",
                           span: offset..<(offset + 2))
            }
            return (spans, diagnostics)
        }
    }

    /// Whether `span` is alone in its paragraph: only whitespace (and block-quote markers) around
    /// it on its lines, and a blank line, a heading or the start/end of the text before and after.
    /// This is the kramdown rule that makes `$$…$$` display math.
    public static func isStandalone(_ span: MathSpan, in markdown: String) -> Bool {
        let (start, end) = (span.offsets.lowerBound, span.offsets.upperBound)
        guard start >= 0, end <= markdown.utf8.count else { return false }
        var copy = markdown
        return copy.withUTF8 { bytes in
            StandaloneCheck(bytes: bytes).isAlone(start: start, end: end)
        }
    }

    /// Whether the span is display math: `\[…\]` always (the scan finds it only on lines of its own), `$$…$$` when it stands alone in its
    /// paragraph, `$…$` and `\(…\)` never.
    public static func isDisplay(_ span: MathSpan, in markdown: String) -> Bool {
        switch span.delimiter {
        case .bracket: true
        case .doubleDollar: isStandalone(span, in: markdown)
        case .dollar, .parenthesis: false
        }
    }
}
