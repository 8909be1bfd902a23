/// Typographic fixes applied to a prose block's HTML.
enum ProseTypography {
    /// Characters that must not start a line after a formula: Latin and CJK closing punctuation.
    static let trailingPunctuation: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "'", "\u{2019}", "\u{201D}", "\u{2026}",
        "\u{3002}", "\u{FF0C}", "\u{3001}", "\u{FF1B}", "\u{FF1A}", "\u{FF01}", "\u{FF1F}", "\u{FF09}", "\u{300D}", "\u{300F}",
    ]

    /// Opening brackets and quotes that must not end a line before a formula.
    static let leadingPunctuation: [[UInt8]] = ["(", "[", "\u{201C}", "\u{2018}", "\u{FF08}", "\u{300C}"].map { Array($0.utf8) }

    /// Inline `<math>…</math>` directly after an opening bracket or followed directly by
    /// punctuation (`($x$`, `$x$,` or `$x$。`) wrapped with them in `<span class="nb-nowrap">`, so
    /// a line never ends with the bracket or starts with the comma.
    /// Display math (`display="block"`) is left alone. Linear: one pass over the bytes.
    static func bindingPunctuation(_ html: String) -> String {
        guard html.contains("</math>") else { return html }
        let bytes = Array(html.utf8)
        let open = Array("<math".utf8), close = Array("</math>".utf8), block = Array("<math display=\"block\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var copied = 0      // bytes before this are in `out`
        var mathStart: Int? // where the current inline formula starts
        var leadStart: Int? // where the opening bracket before it starts
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(bytes, at: i, open), !matches(bytes, at: i, block), i + open.count < bytes.count,
               bytes[i + open.count] == UInt8(ascii: " ") || bytes[i + open.count] == UInt8(ascii: ">") {
                mathStart = i
                leadStart = Self.leadingPunctuation.first { i - $0.count >= copied && matches(bytes, at: i - $0.count, $0) }
                    .map { i - $0.count }
                i += open.count
            } else if matches(bytes, at: i, close) {
                i += close.count
                let end = punctuationEnd(bytes, from: i)
                if let formula = mathStart, end > i || leadStart != nil {
                    let start = leadStart ?? formula
                    out.append(contentsOf: bytes[copied..<start])
                    out.append(contentsOf: "<span class=\"nb-nowrap\">".utf8)
                    out.append(contentsOf: bytes[start..<end])
                    out.append(contentsOf: "</span>".utf8)
                    copied = end
                    i = end
                }
                mathStart = nil
                leadStart = nil
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return html }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }

    /// The end of the run of closing punctuation starting at `index` (at most four characters).
    private static func punctuationEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var end = index
        var count = 0
        while end < bytes.count, count < 4 {
            // Decode one UTF-8 scalar.
            let lead = bytes[end]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
            guard end + length <= bytes.count else { break }
            let text = String(decoding: bytes[end..<(end + length)], as: UTF8.self)
            guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
                  trailingPunctuation.contains(scalar) else { break }
            end += length
            count += 1
        }
        return end
    }
}
