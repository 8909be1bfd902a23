/// A CommonMark code-fence line read from a file's bytes: up to three spaces of indentation, then
/// a run of three or more backticks or tildes.
struct FenceLine: Equatable {
    /// Spaces before the run.
    var indent: Int
    /// `` ` `` or `~`.
    var character: UInt8
    /// The run's bytes in the file.
    var run: Range<Int>
    /// Whether only spaces and tabs follow the run (a closing fence has no info string).
    var bare: Bool

    var length: Int { run.count }

    /// The fence on the line `line` (byte range of its content, line ending excluded), if any.
    init?(_ bytes: [UInt8], line: Range<Int>) {
        var index = line.lowerBound
        while index < line.upperBound, index - line.lowerBound < 4, bytes[index] == UInt8(ascii: " ") { index += 1 }
        indent = index - line.lowerBound
        guard indent <= 3, index < line.upperBound,
              bytes[index] == UInt8(ascii: "`") || bytes[index] == UInt8(ascii: "~") else { return nil }
        character = bytes[index]
        let start = index
        while index < line.upperBound, bytes[index] == character { index += 1 }
        guard index - start >= 3 else { return nil }
        run = start..<index
        bare = bytes[index..<line.upperBound].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Whether this line closes a block opened by `opener`.
    func closes(_ opener: FenceLine) -> Bool {
        bare && character == opener.character && length >= opener.length
    }

    /// The content of the line that ends just before `offset` (at a line ending or the end of the
    /// file), line ending excluded.
    static func line(endingAt offset: Int, in bytes: [UInt8]) -> Range<Int> {
        var end = min(offset, bytes.count)
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var start = end
        while start > 0, !isLineEnd(bytes[start - 1]) { start -= 1 }
        return start..<end
    }

    /// LF, and a CR (alone or before LF): CommonMark's line endings.
    private static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// The content of the line that starts at `offset`, line ending excluded.
    static func line(startingAt offset: Int, in bytes: [UInt8]) -> Range<Int> {
        var end = min(offset, bytes.count)
        while end < bytes.count, !isLineEnd(bytes[end]) { end += 1 }
        return min(offset, bytes.count)..<end
    }

    /// The longest run of `character` that starts a line of `text` (after any spaces): a fence of
    /// that character must be longer than this for no line to close it.
    static func longestRun(of character: UInt8, in text: String) -> Int {
        var longest = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let run = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.prefix { $0 == character }.count
            longest = max(longest, run)
        }
        return longest
    }

    /// Whether the fenced block whose bytes are `block` (first fence character to the end of its
    /// last line, as `Cell.fenceRange`) ends with a closing fence, rather than running to the end
    /// of the file.
    static func isClosed(_ block: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard block.lowerBound < bytes.count else { return false }
        let first = line(startingAt: lineStart(of: block.lowerBound, in: bytes), in: bytes)
        let last = line(endingAt: block.upperBound, in: bytes)
        guard last.lowerBound > first.lowerBound, let opener = FenceLine(bytes, line: first),
              let closer = FenceLine(bytes, line: last) else { return false }
        return closer.closes(opener)
    }

    private static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = min(offset, bytes.count)
        while start > 0, !isLineEnd(bytes[start - 1]) { start -= 1 }
        return start
    }
}
