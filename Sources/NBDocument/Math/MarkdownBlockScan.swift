/// A light model of CommonMark's block structure, just enough to know where inline text lives:
/// it skips fenced code (``` and ~~~), indented code blocks, and blank lines, and tracks block quotes
/// and list-item indentation so that list continuation paragraphs are not mistaken for code.
///
/// The result is a list of *inline regions*: byte ranges of paragraph (or heading) text, in order.
/// Math and code spans never cross a region boundary.
struct MarkdownBlockScan {
    private let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private struct Fence {
        var character: UInt8
        var length: Int
        var indent: Int
    }

    /// Byte ranges of inline content (paragraphs and ATX headings), ascending and disjoint.
    func inlineRegions() -> [Range<Int>] {
        var regions: [Range<Int>] = []
        var regionStart: Int? = nil
        var regionEnd = 0
        var fence: Fence? = nil
        var listIndents: [Int] = []
        var openMath = DisplayMathState.none
        let count = bytes.count
        var lineStart = 0

        func flush() {
            if let start = regionStart, start < regionEnd { regions.append(start..<regionEnd) }
            regionStart = nil
            openMath = .none
        }

        while lineStart < count {
            let lineEnd = bytes.firstOffset(of: UInt8(ascii: "\n"), from: lineStart) ?? count
            let nextLine = lineEnd + 1
            defer { lineStart = nextLine }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }

            let afterQuotes = skipBlockQuoteMarkers(from: lineStart, to: contentEnd)
            let (indent, first) = indentation(from: afterQuotes, to: contentEnd)

            if let open = fence {
                if indent <= open.indent + 3, closesFence(open, at: first, to: contentEnd) { fence = nil }
                continue
            }
            if first == contentEnd {
                flush()
                openMath = .none
                continue
            }
            if regionStart != nil && openMath != .none {
                // Inside `$$…$$` or `\[…\]` a line is formula text, whatever it starts with.
                regionEnd = contentEnd
                openMath = displayMath(from: first, to: contentEnd, state: openMath)
                continue
            }
            if regionStart == nil {
                while let top = listIndents.last, indent < top { listIndents.removeLast() }
            }
            let base = listIndents.last ?? 0
            if regionStart == nil && indent - base >= 4 { continue }  // indented code block

            var contentStart = first
            if indent - base <= 3,
               let marker = listMarker(at: first, to: contentEnd, interruptingParagraph: regionStart != nil) {
                while let top = listIndents.last, indent < top { listIndents.removeLast() }
                flush()
                let (spaces, afterSpaces) = indentation(from: marker, to: contentEnd)
                let width = marker - first + ((spaces >= 1 && spaces <= 4) ? spaces : 1)
                listIndents.append(indent + width)
                contentStart = afterSpaces
                if contentStart == contentEnd { continue }
            }
            if let opened = fenceOpening(at: contentStart, to: contentEnd, indent: indent) {
                flush()
                fence = opened
                continue
            }
            if isATXHeading(at: contentStart, to: contentEnd) {
                flush()
                regions.append(contentStart..<contentEnd)
                continue
            }
            if regionStart == nil { regionStart = contentStart }
            regionEnd = contentEnd
            openMath = displayMath(from: contentStart, to: contentEnd, state: .none)
        }
        flush()
        return regions
    }

    /// Display math left open at the end of a line: the next line continues the formula, so it is
    /// not a list item, heading or fence even if it looks like one.
    enum DisplayMathState {
        case none, doubleDollar, bracket
    }

    /// The display-math state after the line `start..<end`, skipping escapes and code spans.
    private func displayMath(from start: Int, to end: Int, state: DisplayMathState) -> DisplayMathState {
        // Only `\` and `$` change the state.
        guard MarkdownBlockScan.mayHoldMath(bytes, start..<end) else { return state }
        var state = state
        var position = start
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                if position + 1 < end {
                    let next = bytes[position + 1]
                    if next == UInt8(ascii: "[") && state == .none { state = .bracket }
                    if next == UInt8(ascii: "]") && state == .bracket { state = .none }
                }
                position += 2
            } else if byte == UInt8(ascii: "$") && position + 1 < end && bytes[position + 1] == UInt8(ascii: "$") {
                if state == .none { state = .doubleDollar } else if state == .doubleDollar { state = .none }
                position += 2
            } else if byte == UInt8(ascii: "`") && state == .none {
                position = endOfCodeSpan(at: position, lineEnd: end)
            } else {
                position += 1
            }
        }
        return state
    }

    /// Whether `range` has a `$` or a backslash, the bytes every math delimiter starts with.
    static func mayHoldMath(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        return slice.firstOffset(of: UInt8(ascii: "$"), from: 0) != nil || slice.firstOffset(of: UInt8(ascii: "\\"), from: 0) != nil
    }

    /// The end of a code span starting at `start` on this line, or just past its backticks.
    private func endOfCodeSpan(at start: Int, lineEnd end: Int) -> Int {
        var position = start
        while position < end && bytes[position] == UInt8(ascii: "`") { position += 1 }
        let length = position - start
        let afterOpener = position
        while position < end {
            guard bytes[position] == UInt8(ascii: "`") else { position += 1; continue }
            let runStart = position
            while position < end && bytes[position] == UInt8(ascii: "`") { position += 1 }
            if position - runStart == length { return position }
        }
        return afterOpener
    }

    /// Skips `>` block-quote markers (each with up to three spaces before and one after).
    private func skipBlockQuoteMarkers(from start: Int, to end: Int) -> Int {
        var position = start
        while true {
            var probe = position
            var spaces = 0
            while probe < end && bytes[probe] == UInt8(ascii: " ") && spaces < 3 { probe += 1; spaces += 1 }
            guard probe < end && bytes[probe] == UInt8(ascii: ">") else { return position }
            probe += 1
            if probe < end && (bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t")) { probe += 1 }
            position = probe
        }
    }

    /// Columns of leading whitespace (tabs advance to the next multiple of 4) and the first other byte.
    private func indentation(from start: Int, to end: Int) -> (columns: Int, first: Int) {
        var columns = 0
        var position = start
        while position < end {
            switch bytes[position] {
            case UInt8(ascii: " "): columns += 1
            case UInt8(ascii: "\t"): columns += 4 - columns % 4
            default: return (columns, position)
            }
            position += 1
        }
        return (columns, position)
    }

    /// If a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by whitespace or the line end starts at
    /// `start`, the position just after the marker.
    private func listMarker(at start: Int, to end: Int, interruptingParagraph: Bool) -> Int? {
        guard start < end else { return nil }
        var position = start
        let byte = bytes[position]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            position += 1
        } else {
            var digits = 0
            var value = 0
            while position < end, digits < 9, let digit = decimalDigit(bytes[position]) {
                value = value * 10 + digit
                digits += 1
                position += 1
            }
            guard digits > 0, position < end,
                  bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: ")") else { return nil }
            if interruptingParagraph && value != 1 { return nil }
            position += 1
        }
        if position == end { return interruptingParagraph ? nil : position }
        guard bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") else { return nil }
        if interruptingParagraph && indentation(from: position, to: end).first == end { return nil }
        // `* * *` and `- - -` are thematic breaks, not list items.
        if isThematicBreak(from: start, to: end) { return nil }
        return position
    }

    private func isThematicBreak(from start: Int, to end: Int) -> Bool {
        let marker = bytes[start]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for position in start..<end {
            let byte = bytes[position]
            if byte == marker { count += 1 } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
        }
        return count >= 3
    }

    private func fenceOpening(at start: Int, to end: Int, indent: Int) -> Fence? {
        guard start < end else { return nil }
        let character = bytes[start]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        var position = start
        while position < end && bytes[position] == character { position += 1 }
        let length = position - start
        guard length >= 3 else { return nil }
        if character == UInt8(ascii: "`") {
            while position < end {
                if bytes[position] == UInt8(ascii: "`") { return nil }  // info strings of ``` fences have no backtick
                position += 1
            }
        }
        return Fence(character: character, length: length, indent: indent)
    }

    private func closesFence(_ fence: Fence, at start: Int, to end: Int) -> Bool {
        var position = start
        while position < end && bytes[position] == fence.character { position += 1 }
        guard position - start >= fence.length else { return false }
        return indentation(from: position, to: end).first == end
    }

    private func isATXHeading(at start: Int, to end: Int) -> Bool {
        var position = start
        while position < end && bytes[position] == UInt8(ascii: "#") { position += 1 }
        let level = position - start
        guard level >= 1 && level <= 6 else { return false }
        return position == end || bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
    }
}

@inline(__always)
func decimalDigit(_ byte: UInt8) -> Int? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
}
