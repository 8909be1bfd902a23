/// The sentence of the prose around a piece of it, as written, on one line.
enum Sentence {
    /// The most characters kept on either side of the piece.
    static let reach = 240

    /// The sentence around `range` (bytes of `source`): from the end of the previous sentence
    /// (`.`, `!`, `?` followed by white space, `。！？`, or a blank line) to the end of this one.
    static func around(_ range: Range<Int>, in source: SourceText) -> String {
        let text = Array(source.text.utf8)
        let lower = max(0, min(range.lowerBound, text.count))
        let upper = max(lower, min(range.upperBound, text.count))
        var start = lower
        var steps = 0
        while start > 0, steps < reach * 4 {
            if isBlankLineEnd(text, before: start) { break }
            if endsSentence(text, at: start - 1) { break }
            start -= 1
            steps += 1
        }
        var end = upper
        steps = 0
        while end < text.count, steps < reach * 4 {
            if text[end] == 0x0A, isBlankLineEnd(text, before: end + 1) { break }
            end += 1
            if endsSentence(text, at: end - 1) { break }
            steps += 1
        }
        let words = String(decoding: text[start..<end], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" })
        return words.joined(separator: " ")
    }

    /// The byte at `index` closes a sentence: a full stop, `!` or `?` followed by white space, or
    /// the last byte of a CJK full stop, exclamation or question mark.
    private static func endsSentence(_ text: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index < text.count else { return false }
        let byte = text[index]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
            let next = index + 1 < text.count ? text[index + 1] : 0x20
            return next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09
        }
        // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F
        guard index >= 2 else { return false }
        let three = (text[index - 2], text[index - 1], byte)
        return three == (0xE3, 0x80, 0x82) || three == (0xEF, 0xBC, 0x81) || three == (0xEF, 0xBC, 0x9F)
    }

    /// `position` starts a line that follows an empty (or white) line.
    private static func isBlankLineEnd(_ text: [UInt8], before position: Int) -> Bool {
        guard position > 0, text[position - 1] == 0x0A else { return false }
        var cursor = position - 2
        while cursor >= 0, text[cursor] == 0x20 || text[cursor] == 0x09 || text[cursor] == 0x0D { cursor -= 1 }
        return cursor < 0 || text[cursor] == 0x0A
    }
}
