/// Applies `OutputEdit`s to a notebook's bytes and leaves every other byte exactly as it was
/// (CRLF, trailing spaces, tabs, CJK, a missing final newline).
///
/// The one exception is a fence too short for its new body: when a transcript line starts with as
/// many fence characters as the block's fence (a cell printing "```"), that line would close the
/// block early and swallow what follows, so the opening and closing fences grow by the few
/// characters needed. A transcript line is written with the opening fence's indentation, which
/// CommonMark strips again when it reads the block.
public enum AcceptRewriter {
    /// Returns the new file contents. Edits may come in any order; they must not overlap.
    public static func apply(_ edits: [OutputEdit], to bytes: [UInt8]) -> [UInt8] {
        let eol = lineEnding(of: bytes)
        var patches: [Patch] = []
        for edit in edits {
            switch edit.placement {
            case .replaceBody(let range): patches += replacing(range, with: edit.transcript, in: bytes, eol: eol)
            case .insertBlock(let at): patches.append(inserting(edit.transcript, at: at, in: bytes, eol: eol))
            }
        }
        // Stable: patches of one edit stay in order; an insertion sorts before a replacement at the same offset.
        patches = patches.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.count, $0.offset) < ($1.element.range.lowerBound, $1.element.range.count, $1.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + patches.reduce(0) { $0 + $1.bytes.count })
        var cursor = 0
        for patch in patches {
            let from = min(max(patch.range.lowerBound, cursor), bytes.count)
            out.append(contentsOf: bytes[cursor..<from])
            out.append(contentsOf: patch.bytes)
            cursor = min(max(patch.range.upperBound, from), bytes.count)
        }
        out.append(contentsOf: bytes[min(cursor, bytes.count)...])
        return out
    }

    /// Bytes `range` of the file become `bytes`.
    struct Patch {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    /// The new body of an existing block, and longer fences when the body needs them.
    private static func replacing(_ body: Range<Int>, with transcript: String, in bytes: [UInt8], eol: [UInt8]) -> [Patch] {
        let body = min(body.lowerBound, bytes.count)..<min(max(body.upperBound, body.lowerBound), bytes.count)
        guard body.lowerBound > 0, let opener = FenceLine(bytes, line: FenceLine.line(endingAt: body.lowerBound, in: bytes)) else {
            return [Patch(range: body, bytes: Self.body(transcript, eol: eol))]
        }
        var patches = [Patch(range: body, bytes: Self.body(transcript, eol: eol, indent: opener.indent))]
        let needed = FenceLine.longestRun(of: opener.character, in: transcript) + 1
        guard needed > opener.length else { return patches }
        patches.insert(Patch(range: opener.run, bytes: Array(repeating: opener.character, count: needed)), at: 0)
        if body.upperBound < bytes.count, let closer = FenceLine(bytes, line: FenceLine.line(startingAt: body.upperBound, in: bytes)),
           closer.closes(opener), closer.length < needed {
            patches.append(Patch(range: closer.run, bytes: Array(repeating: opener.character, count: needed)))
        }
        return patches
    }

    /// A whole new block after a cell. An insertion at the end of a fence line moves past that
    /// line's ending; a fence that ends the file without a newline gets one before the new block.
    private static func inserting(_ transcript: String, at offset: Int, in bytes: [UInt8], eol: [UInt8]) -> Patch {
        var at = min(offset, bytes.count)
        if at < bytes.count, bytes[at] == UInt8(ascii: "\r") { at += 1 }
        if at < bytes.count, bytes[at] == UInt8(ascii: "\n") { at += 1 }
        var block: [UInt8] = []
        // A lone CR ends a line too (CommonMark): no second line ending after it.
        if at > 0, bytes[at - 1] != UInt8(ascii: "\n"), bytes[at - 1] != UInt8(ascii: "\r") { block += eol }
        let fence = Array(String(repeating: "`", count: fenceLength(for: transcript)).utf8)
        block += fence + Array("output".utf8) + eol
        block += body(transcript, eol: eol)
        block += fence + eol
        return Patch(range: at..<at, bytes: block)
    }

    /// The body bytes: each transcript line, after `indent` spaces, followed by the file's line ending.
    static func body(_ transcript: String, eol: [UInt8], indent: Int = 0) -> [UInt8] {
        if transcript.isEmpty { return [] }
        var out: [UInt8] = []
        for var line in transcript.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            out.append(contentsOf: line)
            out.append(contentsOf: eol)
        }
        return out
    }

    /// CRLF when the file's first line ending is CRLF, otherwise LF.
    static func lineEnding(of bytes: [UInt8]) -> [UInt8] {
        guard let lf = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return [10] }
        return lf > 0 && bytes[lf - 1] == UInt8(ascii: "\r") ? [13, 10] : [10]
    }

    /// A backtick fence longer than any backtick run at the start of a transcript line.
    static func fenceLength(for transcript: String) -> Int {
        max(3, FenceLine.longestRun(of: UInt8(ascii: "`"), in: transcript) + 1)
    }
}
