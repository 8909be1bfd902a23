import Foundation
import NBDocument

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
    /// Display math (`display="block"`) is left alone. Linear: one pass over the bytes, jumping
    /// from one `<` to the next with `memchr`.
    static func bindingPunctuation(_ html: String) -> String {
        guard containsClosingTag(html) else { return html }
        let output: [UInt8]? = html.withUTF8Bytes { bytes in
            var out: [UInt8] = []
            var copied = 0      // bytes before this are in `out`
            var mathStart: Int? // where the current inline formula starts
            var leadStart: Int? // where the opening bracket before it starts
            var i = 0
            while i < bytes.count {
                guard let found = bytes.firstOffset(of: UInt8(ascii: "<"), from: i) else { break }
                i = found
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
                        if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                        out.append(contentsOf: nowrapOpen)
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        out.append(contentsOf: nowrapClose)
                        copied = end
                        i = end
                    }
                    mathStart = nil
                    leadStart = nil
                } else {
                    i += 1
                }
            }
            guard copied > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
        return output.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// Whether `html` holds `</math>` where a Foundation string search finds it: at character
    /// (grapheme) boundaries. An occurrence between two ASCII bytes always is one; only when every
    /// occurrence touches a non-ASCII character (a combining mark may follow) does Foundation decide.
    private static func containsClosingTag(_ html: String) -> Bool {
        let found: Bool? = html.withUTF8Bytes { bytes in
            var position = 0, touchesOther = false
            while let start = close.withUnsafeBufferPointer({ bytes.firstOffset(of: $0, from: position) }) {
                let end = start + close.count
                if (start == 0 || bytes[start - 1] < 0x80) && (end == bytes.count || bytes[end] < 0x80) { return true }
                touchesOther = true
                position = start + 1
            }
            return touchesOther ? nil : false
        }
        return found ?? html.contains("</math>")
    }

    private static let open = Array("<math".utf8), close = Array("</math>".utf8), block = Array("<math display=\"block\"".utf8)
    private static let nowrapOpen = Array("<span class=\"nb-nowrap\">".utf8), nowrapClose = Array("</span>".utf8)

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[index + k] != pattern[k] { return false }
        return true
    }

    /// The end of the run of closing punctuation starting at `index` (at most four characters).
    /// `index` is at a character boundary of valid UTF-8 (the bytes of a `String`).
    private static func punctuationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index
        var count = 0
        while end < bytes.count, count < 4 {
            // Decode one UTF-8 scalar.
            let lead = bytes[end]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
            guard end + length <= bytes.count, lead < 0x80 || length > 1 else { break }
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
            for k in 1..<max(1, length) { value = value << 6 | UInt32(bytes[end + k] & 0x3F) }
            guard let scalar = Unicode.Scalar(value), trailingPunctuation.contains(scalar) else { break }
            end += length
            count += 1
        }
        return end
    }
}
