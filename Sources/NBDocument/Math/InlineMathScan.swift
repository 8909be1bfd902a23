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
    private let start: Int
    private let end: Int
    private(set) var found: [Found] = []
    /// Positions of `$$` openers without a closer in their region.
    private(set) var unterminatedDisplay: [Int] = []

    /// `[` and `![` not closed yet (`true` for an image), and whether a link just closed, which
    /// makes the `[` openers before it plain text (cmark's "no links in links").
    private var bracketOpeners: [Bool] = []
    private var noLinkOpeners = false
    /// Bytes that raw link-destination scans may still read in this region (see ``rawDestinationEnd(from:)``).
    private var destinationBudget: Int

    private var noDollarCloser = false
    private var noDoubleDollarCloser = false
    private var noParenthesisCloser = false
    private var noBracketCloser = false
    private var failedBracketCloser: Int? = nil
    private var backtickLengthsWithoutCloser: Set<Int> = []

    private init(bytes: UnsafeBufferPointer<UInt8>, region: Range<Int>) {
        self.bytes = bytes
        self.start = region.lowerBound
        self.end = region.upperBound
        destinationBudget = 4 * region.count + 4096
    }

    /// Scans `region`, appending to `found` and `unterminated`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, region: Range<Int>,
                     into found: inout [Found], unterminated: inout [Int]) {
        // Every math delimiter starts with `$` or `\`: a region without either has no math.
        guard MarkdownBlockScan.mayHoldMath(bytes, region) else { return }
        var scan = InlineMathScan(bytes: bytes, region: region)
        swap(&scan.found, &found)
        swap(&scan.unterminatedDisplay, &unterminated)
        scan.run(from: region.lowerBound)
        swap(&scan.found, &found)
        swap(&scan.unterminatedDisplay, &unterminated)
    }

    private mutating func run(from start: Int) {
        var position = start
        // Link reference definitions open a paragraph: their destinations and titles are not math.
        while let next = linkReferenceDefinitionEnd(at: position) { position = next }
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: "["):
                bracketOpeners.append(false)
                noLinkOpeners = false
                position += 1
            case UInt8(ascii: "!") where position + 1 < end && bytes[position + 1] == UInt8(ascii: "["):
                bracketOpeners.append(true)
                position += 2
            case UInt8(ascii: "]"):
                position = closeBracket(at: position)
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
            // Display math starts its line and its `\]` ends one; `see \[1\] and \[2\]` is text.
            guard startsLine(position) else { return position + 2 }
            // A closer that did not end its line is the first closer for every opener before it.
            if let failed = failedBracketCloser, position + 2 <= failed { return position + 2 }
            if let closer = escapedCloser(UInt8(ascii: "]"), from: position + 2) {
                guard hasNonWhitespace(position + 2..<closer), endsLine(closer + 2) else {
                    failedBracketCloser = closer
                    return position + 2
                }
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

    /// `$…$` by SPEC §3: the opening `$` is followed by a non-space; the first `$` after it decides.
    /// It closes when it follows a non-space and is not followed by a digit, or, followed by a digit,
    /// when the opener directly follows a letter or digit (`3$\times$3`). Otherwise the opener is a
    /// literal `$` and scanning goes on after it (so `$5 and $6, see $x^2$` has one formula).
    private mutating func dollar(at start: Int) -> Int {
        if start + 1 < end && bytes[start + 1] == UInt8(ascii: "$") {
            return doubleDollar(at: start)
        }
        guard !noDollarCloser, start + 1 < end, !isWhitespace(bytes[start + 1]) else { return start + 1 }
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "$") {
                let followedByDigit = position + 1 < end && decimalDigit(bytes[position + 1]) != nil
                let openerAfterWord = start > 0 && (isASCIILetter(bytes[start - 1]) || decimalDigit(bytes[start - 1]) != nil)
                if !isWhitespace(bytes[position - 1]) && (!followedByDigit || openerAfterWord) {
                    found.append(Found(start: start, contentStart: start + 1, contentEnd: position,
                                       end: position + 1, delimiter: .dollar))
                    return position + 1
                }
                return start + 1
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

    // MARK: Links (cmark's rules, so that a destination is never cut by a formula)

    /// After `]`: an inline link's `(destination "title")` is skipped whole, as cmark reads it;
    /// anything else goes on just after the `]`.
    private mutating func closeBracket(at position: Int) -> Int {
        guard let isImage = bracketOpeners.popLast() else { return position + 1 }
        if !isImage && noLinkOpeners { return position + 1 }
        guard let linkEnd = inlineLinkTail(from: position + 1) else { return position + 1 }
        if !isImage { noLinkOpeners = true }
        return linkEnd
    }

    /// The end of `(destination title)` starting at `start`, or nil when there is none.
    private mutating func inlineLinkTail(from start: Int) -> Int? {
        guard start < end, bytes[start] == UInt8(ascii: "(") else { return nil }
        let destinationStart = skipSpaceCharacters(from: start + 1)
        guard let destinationEnd = destinationEnd(from: destinationStart, allowEndOfRegion: false) else { return nil }
        let titleStart = skipSpaceCharacters(from: destinationEnd)
        // A title must be separated from the destination by whitespace.
        let titleEnd = titleStart == destinationEnd ? titleStart : titleStart + titleLength(at: titleStart)
        let close = skipSpaceCharacters(from: titleEnd)
        guard close < end, bytes[close] == UInt8(ascii: ")") else { return nil }
        return close + 1
    }

    /// The end of a link reference definition (`[label]: destination "title"` and its line end)
    /// starting at `start`, or nil when none starts there.
    private mutating func linkReferenceDefinitionEnd(at start: Int) -> Int? {
        guard start < end, bytes[start] == UInt8(ascii: "[") else { return nil }
        var position = start + 1
        var nonBlank = false
        while position < end, bytes[position] != UInt8(ascii: "]") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "[") || position - start > 1000 { return nil }
            if !isWhitespace(byte) { nonBlank = true }
            position += byte == UInt8(ascii: "\\") && position + 1 < end && isASCIIPunctuation(bytes[position + 1]) ? 2 : 1
        }
        guard nonBlank, position + 1 < end, bytes[position + 1] == UInt8(ascii: ":") else { return nil }
        let destinationStart = skipSpacesAndOneLineEnd(from: position + 2)
        guard let destinationEnd = destinationEnd(from: destinationStart, allowEndOfRegion: true) else { return nil }
        let titleStart = skipSpacesAndOneLineEnd(from: destinationEnd)
        let title = titleStart == destinationEnd ? 0 : titleLength(at: titleStart)
        if title > 0, let lineEnd = lineEndAfterSpaces(from: titleStart + title) { return lineEnd }
        return lineEndAfterSpaces(from: destinationEnd)
    }

    /// The end of a link destination at `start`: `<…>`, or a run without spaces and with balanced
    /// parentheses (at most 32 deep). cmark wants a byte after it (the `)` of an inline link).
    private mutating func destinationEnd(from start: Int, allowEndOfRegion: Bool) -> Int? {
        guard start < end else { return nil }
        if bytes[start] == UInt8(ascii: "<") {
            var position = start + 1
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: ">") {
                    position += 1
                    return position < end || allowEndOfRegion ? position : nil
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "<") { return nil }
                position += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            return nil
        }
        return rawDestinationEnd(from: start, allowEndOfRegion: allowEndOfRegion)
    }

    private mutating func rawDestinationEnd(from start: Int, allowEndOfRegion: Bool) -> Int? {
        var position = start
        var depth = 0
        // Failed scans re-read the same bytes; past a budget (only hostile input gets there) the
        // rest of the region is scanned as if its links had no destinations.
        defer { destinationBudget -= position - start }
        guard destinationBudget > 0 else { return nil }
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\"), position + 1 < end, isASCIIPunctuation(bytes[position + 1]) {
                position += 2
            } else if byte == UInt8(ascii: "(") {
                depth += 1
                position += 1
                if depth > 32 { return nil }
            } else if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
                position += 1
            } else if isSpaceCharacter(byte) {
                if position == start { return nil }
                break
            } else {
                position += 1
            }
        }
        guard depth == 0 else { return nil }
        if position >= end {
            return allowEndOfRegion && position > start ? end : nil
        }
        return position
    }

    /// The length of a link title (`"…"`, `'…'` or `(…)`) at `start`, 0 when there is none. A quote
    /// after a backslash may continue the title or end it; cmark takes the longest title.
    private func titleLength(at start: Int) -> Int {
        guard start < end else { return 0 }
        let open = bytes[start]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return 0
        }
        var longest = 0
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == 0 { break }
            let escaped = position > start + 1 && bytes[position - 1] == UInt8(ascii: "\\")
            if byte == close {
                longest = position + 1 - start
                if !escaped { break }
            } else if open == UInt8(ascii: "(") && byte == UInt8(ascii: "(") && !escaped {
                break
            }
            position += 1
        }
        return longest
    }

    private func skipSpaceCharacters(from start: Int) -> Int {
        var position = start
        while position < end && isSpaceCharacter(bytes[position]) { position += 1 }
        return position
    }

    /// Spaces and tabs, at most one line end, spaces and tabs (cmark's `spnl`).
    private func skipSpacesAndOneLineEnd(from start: Int) -> Int {
        var position = start
        while position < end && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")) { position += 1 }
        if position < end && bytes[position] == UInt8(ascii: "\r") { position += 1 }
        if position < end && bytes[position] == UInt8(ascii: "\n") { position += 1 }
        while position < end && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")) { position += 1 }
        return position
    }

    /// Just past the line end after optional spaces from `start` (or the region end), or nil when
    /// something else follows.
    private func lineEndAfterSpaces(from start: Int) -> Int? {
        var position = start
        while position < end && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")) { position += 1 }
        if position == end { return end }
        if bytes[position] == UInt8(ascii: "\r") { position += 1 }
        if position < end && bytes[position] == UInt8(ascii: "\n") { return position + 1 }
        return position == end || bytes[position - 1] == UInt8(ascii: "\r") ? position : nil
    }

    /// CommonMark autolinks (`<scheme:…>`, `<user@host>`) are skipped whole: a `$` in a URL is not math.
    private func autolinkEnd(at start: Int) -> Int? {
        var position = start + 1
        let schemeStart = position
        while position < end, isSchemeCharacter(bytes[position]) { position += 1 }
        let schemeLength = position - schemeStart
        guard schemeLength >= 2 && schemeLength <= 32, position < end, bytes[position] == UInt8(ascii: ":") else {
            return emailAutolinkEnd(at: start)
        }
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { return position + 1 }
            if byte == UInt8(ascii: "<") || byte <= 0x20 { return nil }
            position += 1
        }
        return nil
    }

    /// `<local@domain>` with CommonMark's character classes (the local part may hold `$`).
    private func emailAutolinkEnd(at start: Int) -> Int? {
        var position = start + 1
        while position < end, isEmailLocalCharacter(bytes[position]) { position += 1 }
        guard position > start + 1, position < end, bytes[position] == UInt8(ascii: "@") else { return nil }
        position += 1
        while true {
            // One label: alphanumeric at both ends, hyphens inside, at most 63 bytes.
            let labelStart = position
            while position < end, position - labelStart < 63,
                  isASCIILetter(bytes[position]) || decimalDigit(bytes[position]) != nil || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position > labelStart, bytes[labelStart] != UInt8(ascii: "-"),
                  bytes[position - 1] != UInt8(ascii: "-"), position < end else { return nil }
            if bytes[position] == UInt8(ascii: ">") { return position + 1 }
            guard bytes[position] == UInt8(ascii: ".") else { return nil }
            position += 1
        }
    }

    /// Whether only indentation and block-quote markers stand between the line start and `position`.
    private func startsLine(_ position: Int) -> Bool {
        var index = position
        while index > start, bytes[index - 1] == UInt8(ascii: " ") || bytes[index - 1] == UInt8(ascii: "\t")
                || bytes[index - 1] == UInt8(ascii: ">") {
            index -= 1
        }
        return index == start || bytes[index - 1] == UInt8(ascii: "\n")
    }

    /// Whether only spaces stand between `position` and the end of its line.
    private func endsLine(_ position: Int) -> Bool {
        var index = position
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\r") {
            index += 1
        }
        return index == end || bytes[index] == UInt8(ascii: "\n")
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

/// cmark's space characters: space, tab, line feed, vertical tab, form feed, carriage return.
@inline(__always)
private func isSpaceCharacter(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
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

/// The characters CommonMark allows before the `@` of an email autolink.
@inline(__always)
private func isEmailLocalCharacter(_ byte: UInt8) -> Bool {
    if isASCIILetter(byte) || decimalDigit(byte) != nil { return true }
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
         UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
         UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
         UInt8(ascii: "~"), UInt8(ascii: "-"):
        return true
    default:
        return false
    }
}
