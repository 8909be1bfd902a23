/// Checks that a byte range stands alone in its paragraph (see ``MathScanner/isStandalone(_:in:)``).
struct StandaloneCheck {
    let bytes: UnsafeBufferPointer<UInt8>

    func isAlone(start: Int, end: Int) -> Bool {
        // Same line, before and after the span: only indentation and block-quote markers. Both
        // walks stop at the first other byte, so a formula inside a long line costs little.
        var lineStart = start
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") {
            guard isBlankOrQuote(bytes[lineStart - 1]) else { return false }
            lineStart -= 1
        }
        var lineEnd = end
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") {
            guard isBlankOrQuote(bytes[lineEnd]) else { return false }
            lineEnd += 1
        }
        // The line before and the line after end the paragraph.
        if lineStart > 0 {
            let previousStart = startOfLine(containing: lineStart - 1)
            guard endsParagraph(previousStart..<(lineStart - 1)) else { return false }
        }
        if lineEnd < bytes.count {
            let nextStart = lineEnd + 1
            guard endsParagraph(nextStart..<endOfLine(from: nextStart)) else { return false }
        }
        return true
    }

    private func startOfLine(containing position: Int) -> Int {
        var index = position
        while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }

    private func endOfLine(from position: Int) -> Int {
        var index = position
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    private func isBlankOrQuote(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: ">")
    }

    private func isBlankOrQuote(_ range: Range<Int>) -> Bool {
        range.allSatisfy { isBlankOrQuote(bytes[$0]) }
    }

    /// A blank (or quote-only) line, an ATX heading or a code fence: none continues a paragraph.
    private func endsParagraph(_ range: Range<Int>) -> Bool {
        if isBlankOrQuote(range) { return true }
        var index = range.lowerBound
        while index < range.upperBound && isBlankOrQuote(bytes[index]) { index += 1 }
        let first = bytes[index]
        if first == UInt8(ascii: "#") {
            var level = 0
            while index < range.upperBound && bytes[index] == UInt8(ascii: "#") { index += 1; level += 1 }
            return level <= 6 && (index == range.upperBound || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t"))
        }
        if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
            var run = 0
            while index < range.upperBound && bytes[index] == first { index += 1; run += 1 }
            return run >= 3
        }
        return false
    }
}
