/// Finds math and skips code spans inside one inline region (a paragraph or heading), left to right,
/// on UTF-8 bytes. Whichever construct opens first wins, as in pandoc.
///
/// Every closer search that fails is remembered for the rest of the region (a later opener of the
/// same kind could only find a subset of the same closers), which keeps the scan linear.
struct InlineMathScan {
    struct Found {
        var start: Int
        var contentStart: Int
        var contentEnd: Int
        var end: Int
        var delimiter: MathDelimiter
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let end: Int
    private(set) var found: [Found] = []
    /// Positions of `$$` openers without a closer in their region.
    private(set) var unterminatedDisplay: [Int] = []

    private var noDollarCloser = false
    private var noDoubleDollarCloser = false
    private var noParenthesisCloser = false
    private var noBracketCloser = false
    private var backtickLengthsWithoutCloser: Set<Int> = []

    private init(bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        self.bytes = bytes
        self.end = end
    }

    /// Scans `region`, appending to `found` and `unterminated`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, region: Range<Int>,
                     into found: inout [Found], unterminated: inout [Int]) {
        var scan = InlineMathScan(bytes: bytes, end: region.upperBound)
        swap(&scan.found, &found)
        swap(&scan.unterminatedDisplay, &unterminated)
        scan.run(from: region.lowerBound)
        swap(&scan.found, &found)
        swap(&scan.unterminatedDisplay, &unterminated)
    }

    private mutating func run(from start: Int) {
        var position = start
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: "\\"):
                position = backslash(at: position)
            case UInt8(ascii: "`"):
                position = backticks(at: position)
            case UInt8(ascii: "$"):
                position = dollar(at: position)
            case UInt8(ascii: "<"):
                position = autolinkEnd(at: position) ?? position + 1
            default:
                position += 1
            }
        }
    }

    private mutating func backslash(at position: Int) -> Int {
        guard position + 1 < end else { return position + 1 }
        let next = bytes[position + 1]
        if next == UInt8(ascii: "(") && !noParenthesisCloser {
            if let closer = escapedCloser(UInt8(ascii: ")"), from: position + 2) {
                guard hasNonWhitespace(position + 2..<closer) else { return position + 2 }
                found.append(Found(start: position, contentStart: position + 2, contentEnd: closer,
                                   end: closer + 2, delimiter: .parenthesis))
                return closer + 2
            }
            noParenthesisCloser = true
        } else if next == UInt8(ascii: "[") && !noBracketCloser {
            if let closer = escapedCloser(UInt8(ascii: "]"), from: position + 2) {
                guard hasNonWhitespace(position + 2..<closer) else { return position + 2 }
                found.append(Found(start: position, contentStart: position + 2, contentEnd: closer,
                                   end: closer + 2, delimiter: .bracket))
                return closer + 2
            }
            noBracketCloser = true
        }
        return isASCIIPunctuation(next) ? position + 2 : position + 1
    }

    /// The position of the next `\` + `character` (skipping other backslash pairs).
    private func escapedCloser(_ character: UInt8, from start: Int) -> Int? {
        var position = start
        while position + 1 < end {
            if bytes[position] == UInt8(ascii: "\\") {
                if bytes[position + 1] == character { return position }
                position += 2
            } else {
                position += 1
            }
        }
        return nil
    }

    /// A code span (skipped whole) or a literal run of backticks.
    private mutating func backticks(at start: Int) -> Int {
        var position = start
        while position < end && bytes[position] == UInt8(ascii: "`") { position += 1 }
        let length = position - start
        if backtickLengthsWithoutCloser.contains(length) { return position }
        while position < end {
            guard bytes[position] == UInt8(ascii: "`") else { position += 1; continue }
            let runStart = position
            while position < end && bytes[position] == UInt8(ascii: "`") { position += 1 }
            if position - runStart == length { return position }
        }
        backtickLengthsWithoutCloser.insert(length)
        return start + length
    }

    private mutating func dollar(at start: Int) -> Int {
        if start + 1 < end && bytes[start + 1] == UInt8(ascii: "$") {
            return doubleDollar(at: start)
        }
        // pandoc: the opening `$` has a non-space character right after it.
        guard !noDollarCloser, start + 1 < end, !isWhitespace(bytes[start + 1]) else { return start + 1 }
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "$") {
                // pandoc: the closing `$` has a non-space character before it and no digit after it.
                let followedByDigit = position + 1 < end && decimalDigit(bytes[position + 1]) != nil
                if !isWhitespace(bytes[position - 1]) && !followedByDigit && position > start + 1 {
                    found.append(Found(start: start, contentStart: start + 1, contentEnd: position,
                                       end: position + 1, delimiter: .dollar))
                    return position + 1
                }
            }
            position += 1
        }
        noDollarCloser = true
        return start + 1
    }

    private mutating func doubleDollar(at start: Int) -> Int {
        if !noDoubleDollarCloser {
            var position = start + 2
            while position + 1 < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\\") {
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "$") && bytes[position + 1] == UInt8(ascii: "$") {
                    if hasNonWhitespace(start + 2..<position) {
                        found.append(Found(start: start, contentStart: start + 2, contentEnd: position,
                                           end: position + 2, delimiter: .doubleDollar))
                    }
                    return position + 2
                }
                position += 1
            }
            noDoubleDollarCloser = true
        }
        unterminatedDisplay.append(start)
        return start + 2
    }

    /// CommonMark autolinks (`<scheme:…>`) are skipped whole: a `$` in a URL is not math.
    private func autolinkEnd(at start: Int) -> Int? {
        var position = start + 1
        let schemeStart = position
        while position < end, isSchemeCharacter(bytes[position]) { position += 1 }
        let schemeLength = position - schemeStart
        guard schemeLength >= 2 && schemeLength <= 32, position < end, bytes[position] == UInt8(ascii: ":") else {
            return nil
        }
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { return position + 1 }
            if byte == UInt8(ascii: "<") || byte <= 0x20 { return nil }
            position += 1
        }
        return nil
    }

    private func hasNonWhitespace(_ range: Range<Int>) -> Bool {
        for position in range where !isWhitespace(bytes[position]) { return true }
        return false
    }
}

@inline(__always)
func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}

@inline(__always)
func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
}

@inline(__always)
private func isSchemeCharacter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
}
