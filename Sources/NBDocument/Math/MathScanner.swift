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

/// The TeX of a found span. A formula that continues over lines of a block quote loses the quote
/// markers (`> `) of its continuation lines, as libcmark would strip them from a paragraph.
private func texOfSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ item: InlineMathScan.Found) -> String {
    let content = UnsafeBufferPointer(rebasing: bytes[item.contentStart..<item.contentEnd])
    var lineStart = item.start
    while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
    let quoteDepth = quoteMarkers(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<item.start]), limit: .max).depth
    guard quoteDepth > 0, content.contains(UInt8(ascii: "\n")) else {
        return String(decoding: content, as: UTF8.self)
    }
    var stripped: [UInt8] = []
    stripped.reserveCapacity(content.count)
    var index = 0
    while index < content.count {
        let byte = content[index]
        stripped.append(byte)
        index += 1
        if byte == UInt8(ascii: "\n") {
            index += quoteMarkers(in: UnsafeBufferPointer(rebasing: content[index...]), limit: quoteDepth).length
        }
    }
    return String(decoding: stripped, as: UTF8.self)
}

/// Leading block-quote markers (`>` with up to three spaces before and one after): how many, and
/// how many bytes they take.
private func quoteMarkers(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (depth: Int, length: Int) {
    var depth = 0
    var position = 0
    while depth < limit {
        var probe = position
        while probe < bytes.count && probe - position < 3 && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe < bytes.count && bytes[probe] == UInt8(ascii: ">") else { break }
        probe += 1
        if probe < bytes.count && bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        position = probe
        depth += 1
    }
    return (depth, position)
}

/// Converts ascending byte offsets to 1-based line and byte column, in one forward pass.
struct LineLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `target` must not be smaller than the previous call's; otherwise it restarts from the top.
    mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset { self = LineLocator(bytes: bytes) }
        while offset < target && offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        return (line, target - lineStart + 1)
    }
}
