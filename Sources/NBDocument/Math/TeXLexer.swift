/// Tokens of TeX math mode, read from UTF-8 bytes with one token of lookahead.
///
/// Whitespace and `%` comments between tokens are skipped. Raw reads (for `\text{…}`,
/// environment names, dimensions) bypass tokenization.
struct TeXLexer {
    enum Token: Equatable {
        /// `\name` (letters) or a control symbol such as `\,` or `\\` (the character after the backslash).
        case command(String)
        case character(Unicode.Scalar)
        case end
    }

    struct Located: Equatable {
        var token: Token
        /// Byte offset of the token's first byte.
        var start: Int
        /// Byte offset just past the token.
        var end: Int
    }

    /// The TeX's UTF-8, borrowed for the duration of one conversion (see ``MathML/render(_:display:)``).
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var lookahead: Located? = nil
    /// Where a `%` comment runs to the very end of the formula (usually a percent sign meant as `\%`).
    private(set) var commentAtEnd: Int? = nil
    /// Built after the first `[` without its `]` (see ``readRawOptional()``).
    private var optionalCloserTable: OptionalCloserTable? = nil

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func peek() -> Located {
        if let lookahead { return lookahead }
        let token = scan()
        lookahead = token
        return token
    }

    @discardableResult
    mutating func next() -> Located {
        let token = peek()
        lookahead = nil
        position = token.end
        return token
    }

    /// Drops any lookahead so that raw reads start right after the last consumed token.
    private mutating func rewindLookahead() {
        lookahead = nil
    }

    /// Moves to the end of the input (used when a formula is abandoned).
    mutating func skipToEnd() {
        lookahead = nil
        position = bytes.count
    }

    private mutating func scan() -> Located {
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let commentStart = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                if index == bytes.count { commentAtEnd = commentStart }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
            } else {
                break
            }
        }
        guard index < bytes.count else { return Located(token: .end, start: bytes.count, end: bytes.count) }
        let start = index
        if bytes[index] == UInt8(ascii: "\\") {
            index += 1
            guard index < bytes.count else { return Located(token: .command(""), start: start, end: index) }
            if isASCIILetter(bytes[index]) {
                while index < bytes.count && isASCIILetter(bytes[index]) { index += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self)
                return Located(token: .command(name), start: start, end: index)
            }
            let (scalar, length) = decodeScalar(at: index)
            return Located(token: .command(String(Character(scalar))), start: start, end: index + length)
        }
        let (scalar, length) = decodeScalar(at: index)
        return Located(token: .character(scalar), start: start, end: index + length)
    }

    /// Decodes one UTF-8 scalar; malformed bytes become U+FFFD (one byte consumed).
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // MARK: Raw reads

    /// Reads `{…}` verbatim (balanced braces, `\x` pairs kept), after optional whitespace.
    /// Returns the byte range inside the braces, or nil (nothing consumed) when no `{` follows.
    /// An unbalanced group runs to the end of the input and reports `closed == false`.
    mutating func readRawGroup() -> (content: Range<Int>, closed: Bool)? {
        rewindLookahead()
        var index = skipSpaces(from: position)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        let contentStart = index
        var level = 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "{"):
                level += 1
            case UInt8(ascii: "}"):
                level -= 1
                if level == 0 {
                    position = index + 1
                    return (contentStart..<index, true)
                }
            default:
                break
            }
            index += 1
        }
        position = bytes.count
        return (contentStart..<bytes.count, false)
    }

    /// Reads `[…]` verbatim after optional whitespace (no nesting), or nil when no `[` follows.
    /// The `]` is the first one where the braces opened since the `[` are closed again.
    mutating func readRawOptional() -> Range<Int>? {
        rewindLookahead()
        var index = skipSpaces(from: position)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        let contentStart = index
        if let table = optionalCloserTable, !table.hasCloser(after: contentStart) { return nil }
        var level = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") { level += 1 }
            if byte == UInt8(ascii: "}") { level -= 1 }
            if byte == UInt8(ascii: "]") && level <= 0 {
                position = index + 1
                return contentStart..<index
            }
            index += 1
        }
        // A scan that fails reads to the end without consuming anything; a table answers the next
        // ones at once, so `\sqrt[` repeated without `]` stays linear.
        if optionalCloserTable == nil { optionalCloserTable = OptionalCloserTable(bytes) }
        return nil
    }

    /// Reads `[dimension]` after `\\` (`\\[4pt]`), but only when the brackets hold a dimension:
    /// `a \\ [x, y]` keeps its bracket.
    mutating func readRowSpacing() {
        rewindLookahead()
        var index = skipSpaces(from: position)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return }
        index += 1
        var sawDigit = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "]") {
                if sawDigit { position = index + 1 }
                return
            }
            guard decimalDigit(byte) != nil || isASCIILetter(byte) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") else { return }
            if decimalDigit(byte) != nil { sawDigit = true }
            index += 1
        }
    }

    /// The next raw byte after optional whitespace, without consuming it.
    mutating func peekRawByte(skippingSpaces: Bool = true) -> UInt8? {
        rewindLookahead()
        let index = skippingSpaces ? skipSpaces(from: position) : position
        return index < bytes.count ? bytes[index] : nil
    }

    /// Consumes one raw byte (after optional whitespace), which the caller has peeked.
    mutating func consumeRawByte(skippingSpaces: Bool = true) {
        rewindLookahead()
        position = (skippingSpaces ? skipSpaces(from: position) : position) + 1
    }

    /// Reads the digits (and inner decimal points) of a number starting at `start`.
    mutating func readNumber(from start: Int) -> String {
        rewindLookahead()
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if decimalDigit(byte) != nil {
                index += 1
            } else if byte == UInt8(ascii: "."), index + 1 < bytes.count, decimalDigit(bytes[index + 1]) != nil {
                index += 1
            } else {
                break
            }
        }
        position = index
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// The source text of `range`, clamped to the formula (a group left open at the end of the
    /// formula has no closing brace to include).
    func text(_ range: Range<Int>) -> String {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), bytes.count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), bytes.count)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }

    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < bytes.count && isWhitespace(bytes[index]) { index += 1 }
        return index
    }
}

@inline(__always)
func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
}

/// Whether a `[` at some position has a closing `]`, in constant time: with `level[i]` the number
/// of `{` minus `}` before byte `i`, the `]` that closes an optional argument starting at `p` is one
/// with `level[j] <= level[p]`, so one exists exactly when the smallest level at a `]` from `p` on
/// is at most `level[p]`.
struct OptionalCloserTable {
    private var level: [Int32]
    private var smallestCloserLevel: [Int32]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        level = [Int32](repeating: 0, count: bytes.count + 1)
        var running: Int32 = 0
        for index in 0..<bytes.count {
            level[index] = running
            if bytes[index] == UInt8(ascii: "{") { running += 1 }
            if bytes[index] == UInt8(ascii: "}") { running -= 1 }
        }
        level[bytes.count] = running
        smallestCloserLevel = [Int32](repeating: .max, count: bytes.count + 1)
        var index = bytes.count - 1
        while index >= 0 {
            let here = bytes[index] == UInt8(ascii: "]") ? level[index] : .max
            smallestCloserLevel[index] = min(here, smallestCloserLevel[index + 1])
            index -= 1
        }
    }

    /// Whether an optional argument whose content starts at `start` has its `]`.
    func hasCloser(after start: Int) -> Bool {
        smallestCloserLevel[start] <= level[start]
    }
}
