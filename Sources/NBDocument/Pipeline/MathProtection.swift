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
/// A placeholder is U+E000, the span index as hexadecimal digits spelled with U+E010…U+E01F,
/// then U+E001: private-use characters, which CommonMark treats as plain letters (never
/// emphasis, escape or link syntax), so they pass through cmark unchanged.
struct MathProtection {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"
    static let digitBase: UInt32 = 0xE010

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
        var scalars = String.UnicodeScalarView()
        scalars.append(open)
        for digit in String(index, radix: 16).unicodeScalars {
            let value = digit.properties.numericType != nil ? digit.value - 48 : digit.value - 87
            scalars.append(Unicode.Scalar(digitBase + value)!)
        }
        scalars.append(close)
        return String(scalars)
    }

    /// `true` when `text` may hold a placeholder (its UTF-8 contains U+E000's lead byte 0xEE).
    static func mayContainPlaceholder(_ text: String) -> Bool {
        text.utf8.contains(0xEE)
    }

    /// Replaces each placeholder in `text` by `replacement(index)`. Text that only looks like a
    /// placeholder (an index out of range, a malformed sequence) is left as it is.
    ///
    /// Works on UTF-8 bytes: U+E000 is `EE 80 80`, U+E001 `EE 80 81`, digit d `EE 80 (90+d)`.
    func substitute(in text: String, _ replacement: (Int) -> String) -> String {
        guard MathProtection.mayContainPlaceholder(text) else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 2)
            var copied = 0
            var position = 0
            let count = bytes.count
            while position + 2 < count {
                guard bytes[position] == 0xEE, bytes[position + 1] == 0x80, bytes[position + 2] == 0x80 else {
                    position += 1
                    continue
                }
                var cursor = position + 3
                var index = 0
                var digits = 0
                var matched = false
                while cursor + 2 < count, digits <= 8, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80 {
                    let last = bytes[cursor + 2]
                    if last == 0x81 {
                        matched = digits > 0 && index < spans.count
                        break
                    }
                    guard last >= 0x90, last <= 0x9F else { break }
                    index = index * 16 + Int(last - 0x90)
                    digits += 1
                    cursor += 3
                }
                guard matched else {
                    position += 3
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<position]))
                var replaced = replacement(index)
                replaced.withUTF8 { output.append(contentsOf: $0) }
                position = cursor + 3
                copied = position
            }
            guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
            return String(decoding: output, as: UTF8.self)
        }
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
