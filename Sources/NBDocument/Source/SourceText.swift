/// The text of a Markdown file, decoded as UTF-8, with a table of line starts for turning byte
/// offsets into 1-based line and column numbers.
///
/// Invalid UTF-8 is replaced by U+FFFD (one per maximal invalid sequence) and reported through
/// `repairs`; in that case byte offsets refer to the repaired text, not the file
/// (`isLossless` is `false`, and tools that rewrite the file in place must refuse).
public struct SourceText: Sendable {
    /// The decoded text.
    public let text: String
    /// Byte offsets (into `text.utf8`) where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Byte offsets in the repaired text where an invalid sequence was replaced.
    public let repairs: [Int]

    /// `true` when the file was valid UTF-8, so byte offsets are offsets in the file.
    public var isLossless: Bool { repairs.isEmpty }

    /// Decodes `bytes`, repairing invalid UTF-8.
    public init(bytes: [UInt8]) {
        if let valid = String(validating: bytes, as: UTF8.self) {
            self.init(text: valid, repairs: [])
            return
        }
        var scalars = String.UnicodeScalarView()
        var repairs: [Int] = []
        var byteCount = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                byteCount += UTF8.width(scalar)
            case .error:
                repairs.append(byteCount)
                scalars.append("\u{FFFD}")
                byteCount += 3
            case .emptyInput:
                break loop
            }
        }
        self.init(text: String(scalars), repairs: repairs)
    }

    /// Wraps text that is already a valid Swift string.
    public init(_ text: String) {
        self.init(text: text, repairs: [])
    }

    private init(text: String, repairs: [Int]) {
        self.text = text
        self.repairs = repairs
        self.lineStarts = SourceText.lineStarts(of: text.utf8)
    }

    /// Byte offsets of line starts. `\n`, `\r\n` and a lone `\r` each end a line (as in CommonMark).
    static func lineStarts(of utf8: String.UTF8View) -> [Int] {
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
            // Without `\r` every line ends at a `\n`: jump from one to the next with `memchr`.
            guard bytes.firstOffset(of: 0x0D, from: 0) == nil else { return nil }
            var starts = [0]
            var position = 0
            while let newline = bytes.firstOffset(of: 0x0A, from: position) {
                position = newline + 1
                starts.append(position)
            }
            return starts
        }
        if let fast = fast ?? nil { return fast }
        var starts = [0]
        var offset = 0
        var previousWasCR = false
        for byte in utf8 {
            offset += 1
            if byte == 0x0A {
                if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
                previousWasCR = false
            } else if byte == 0x0D {
                starts.append(offset)
                previousWasCR = true
            } else {
                previousWasCR = false
            }
        }
        return starts
    }

    /// Number of lines (a trailing line ending does not start a new, empty line).
    public var lineCount: Int {
        let total = text.utf8.count
        return lineStarts.last == total && lineStarts.count > 1 ? lineStarts.count - 1 : lineStarts.count
    }

    /// The 0-based line index that contains `offset`.
    public func lineIndex(ofByte offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// 1-based line and column of a byte offset. Columns count Unicode scalars, so a CJK
    /// character is one column.
    public func location(ofByte offset: Int) -> TextLocation {
        let clamped = max(0, min(offset, text.utf8.count))
        let line = lineIndex(ofByte: clamped)
        let start = lineStarts[line]
        var column = 1
        var index = start
        let utf8 = text.utf8
        var position = utf8.index(utf8.startIndex, offsetBy: start)
        while index < clamped {
            let byte = utf8[position]
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
            position = utf8.index(after: position)
        }
        // `column` counted lead bytes before `offset`; a continuation byte start does not count.
        return TextLocation(line: line + 1, column: column)
    }

    /// The byte offset of a 1-based line and a 1-based byte column (cmark's convention).
    public func byteOffset(line: Int, byteColumn: Int) -> Int {
        let index = max(0, min(line - 1, lineStarts.count - 1))
        return min(lineStarts[index] + max(0, byteColumn - 1), text.utf8.count)
    }

    /// Byte offset where a 0-based line's content ends, before its line ending.
    public func lineContentEnd(ofLineIndex line: Int) -> Int {
        let start = lineStarts[line]
        var end = nextLineStart(afterLineIndex: line)
        let utf8 = text.utf8
        while end > start {
            let byte = utf8[utf8Index(end - 1)]
            guard byte == 0x0A || byte == 0x0D else { break }
            end -= 1
        }
        return end
    }

    /// Byte offset of the start of the line after `line` (or the end of the text).
    public func nextLineStart(afterLineIndex line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] : text.utf8.count
    }

    /// The `String.Index` of a byte offset.
    public func utf8Index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: max(0, min(offset, text.utf8.count)))
    }

    /// The text of a byte range.
    public func slice(_ range: Range<Int>) -> Substring {
        text[utf8Index(range.lowerBound)..<utf8Index(range.upperBound)]
    }
}

/// A 1-based line and column in a source file (columns count Unicode scalars).
public struct TextLocation: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}
