import NBDocument

/// A short plain-text excerpt: text longer than the limit is cut at the last word boundary
/// before it (a space, or between two CJK characters, which have no spaces between words),
/// trailing punctuation dropped, and an ellipsis added. Never cuts inside a word or a character.
enum Excerpt {
    static func cut(_ text: String, limit: Int) -> String {
        let characters = Array(text)
        guard characters.count > limit, limit > 0 else {
            // A paragraph that goes on in a formula or a list ("The Lasso," "The conventions:").
            if let last = text.last, ",;:，；：".contains(last) { return String(text.dropLast()) + "…" }
            return text
        }
        // The cut is after characters[end - 1]; find the last boundary at or before `limit`.
        var end = limit
        while end > 0, !isBoundary(characters, end) { end -= 1 }
        // A single word longer than the limit: cut it at the limit rather than show nothing.
        if end == 0 { end = limit }
        var kept = characters[..<end]
        while let last = kept.last, last.isWhitespace || ",;:，；：、（(—–-".contains(last) { kept = kept.dropLast() }
        return String(kept) + "…"
    }

    /// Whether a cut between characters[i - 1] and characters[i] falls between words.
    private static func isBoundary(_ characters: [Character], _ i: Int) -> Bool {
        let before = characters[i - 1], after = characters[i]
        return before.isWhitespace || after.isWhitespace || isWide(before) || isWide(after)
    }

    /// CJK ideographs, kana, hangul and full-width punctuation: a word boundary may fall between two.
    private static func isWide(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
             0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// The text without its `[@key]` citations (a bare key means nothing out of its page).
    static func withoutCitations(_ text: String) -> String {
        let matches = CitationScanner.scan(text)
        guard !matches.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for match in matches.reversed() {
            var lower = match.range.lowerBound
            while lower > 0, bytes[lower - 1] == UInt8(ascii: " ") { lower -= 1 }   // the space before it too
            bytes.removeSubrange(lower..<match.range.upperBound)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
