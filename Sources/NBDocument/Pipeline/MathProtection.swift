/// One math span taken out of the Markdown before cmark sees it.
struct ProtectedMath {
    /// The span as written, delimiters included (put back where math is not rendered, e.g. code).
    var raw: String
    var tex: String
    var display: Bool
    /// Where the TeX's bytes are in the file (for the converter's diagnostics).
    var origin: TeXOrigin
}

/// The Markdown body with every math span replaced by an opaque placeholder, plus the map back
/// to file positions.
///
/// A placeholder is a `Placeholder.math` marker: U+E000, the span index in private-use digits,
/// U+E001.
struct MathProtection {
    var text: String
    var map: PositionMap
    var spans: [ProtectedMath]
    var diagnostics: [Diagnostic]

    /// Protects the math in `source` from `bodyStart` on. The front matter before it becomes
    /// empty lines so that cmark's line numbers stay those of the file.
    init(source: SourceText, bodyStart: Int) {
        let body = String(source.slice(bodyStart..<source.text.utf8.count))
        let firstBodyLine = source.lineIndex(ofByte: bodyStart) // 0-based
        var text = String(repeating: "\n", count: firstBodyLine)
        var map = PositionMap()
        map.appendSynthetic(originalStart: 0, length: firstBodyLine)

        let scan = MathScanner.scan(body, locating: false)
        var spans: [ProtectedMath] = []
        // Exact sizes: a document with tens of thousands of formulas would otherwise keep up to
        // twice the room these need, through the whole parse.
        spans.reserveCapacity(scan.spans.count)
        map.reserveCapacity(2 * scan.spans.count + 2)
        // Spans in the file; DocumentParser locates all diagnostics at once.
        let diagnostics = scan.diagnostics.map { $0.shifted(by: bodyStart) }
        let utf8 = body.utf8
        var copied = 0 // body byte offset copied so far
        text.reserveCapacity(utf8.count + firstBodyLine)
        for span in scan.spans.sorted(by: { $0.offsets.lowerBound < $1.offsets.lowerBound }) {
            let (start, end) = (span.offsets.lowerBound, span.offsets.upperBound)
            guard start >= copied, end > start else { continue } // overlapping spans: keep the first
            text += body[body.utf8Index(copied)..<span.range.lowerBound]
            map.appendVerbatim(originalStart: bodyStart + copied, length: start - copied)
            let placeholder = MathProtection.placeholder(spans.count)
            text += placeholder
            map.appendSynthetic(originalStart: bodyStart + start, length: placeholder.utf8.count)
            copied = end

            let display = span.delimiter == .bracket
                || (span.delimiter == .doubleDollar && MathScanner.isStandalone(span, in: body))
            var origin = span.origin
            origin.start += bodyStart
            spans.append(ProtectedMath(raw: String(body[span.range]), tex: span.tex, display: display, origin: origin))
        }
        text += body[body.utf8Index(copied)...]
        map.appendVerbatim(originalStart: bodyStart + copied, length: utf8.count - copied)

        self.text = text
        self.map = map
        self.spans = spans
        self.diagnostics = diagnostics
    }

    /// The placeholder for span `index`.
    static func placeholder(_ index: Int) -> String {
        Placeholder.math.marker(index)
    }

    /// `true` when `text` may hold a placeholder (its UTF-8 contains U+E000's lead byte 0xEE).
    static func mayContainPlaceholder(_ text: String) -> Bool {
        Placeholder.mayOccur(in: text)
    }

    /// Replaces each placeholder in `text` by `replacement(index)`. Text that only looks like a
    /// placeholder (an index out of range, a malformed sequence) is left as it is.
    func substitute(in text: String, _ replacement: (Int) -> String) -> String {
        Placeholder.math.substitute(in: text, count: spans.count, replacement)
    }

    /// `text` with every placeholder put back as the math source it replaced.
    func restoringSource(_ text: String) -> String {
        substitute(in: text) { spans[$0].raw }
    }

    /// `text` with every placeholder put back as TeX without delimiters (for slugs and titles).
    func restoringTeX(_ text: String) -> String {
        substitute(in: text) { spans[$0].tex }
    }
}

extension String {
    fileprivate func utf8Index(_ offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }
}
