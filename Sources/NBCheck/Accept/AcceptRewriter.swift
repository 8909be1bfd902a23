/// Applies `OutputEdit`s to a notebook's bytes and leaves every other byte exactly as it was
/// (CRLF, trailing spaces, tabs, CJK, a missing final newline).
public enum AcceptRewriter {
    /// Returns the new file contents. Edits may come in any order; they must not overlap.
    public static func apply(_ edits: [OutputEdit], to bytes: [UInt8]) -> [UInt8] {
        let eol = lineEnding(of: bytes)
        let sorted = edits.map { normalized($0, in: bytes) }.sorted { start(of: $0) < start(of: $1) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.transcript.utf8.count + 16 })
        var cursor = 0
        for edit in sorted {
            let from = min(max(start(of: edit), cursor), bytes.count)
            out.append(contentsOf: bytes[cursor..<from])
            let bodyText = body(edit.transcript, eol: eol)
            switch edit.placement {
            case .replaceBody(let range):
                out.append(contentsOf: bodyText)
                cursor = min(max(range.upperBound, from), bytes.count)
            case .insertBlock:
                // A fence that ends the file without a newline gets one before the new block.
                if from > 0, bytes[from - 1] != UInt8(ascii: "\n") { out.append(contentsOf: eol) }
                let fence = Array(String(repeating: "`", count: fenceLength(for: edit.transcript)).utf8)
                out.append(contentsOf: fence + Array("output".utf8) + eol)
                out.append(contentsOf: bodyText)
                out.append(contentsOf: fence + eol)
                cursor = from
            }
        }
        out.append(contentsOf: bytes[min(cursor, bytes.count)...])
        return out
    }

    /// An insertion at the end of a fence line moves past that line's ending.
    private static func normalized(_ edit: OutputEdit, in bytes: [UInt8]) -> OutputEdit {
        guard case .insertBlock(var at) = edit.placement else { return edit }
        if at < bytes.count, bytes[at] == UInt8(ascii: "\r") { at += 1 }
        if at < bytes.count, bytes[at] == UInt8(ascii: "\n") { at += 1 }
        return OutputEdit(placement: .insertBlock(at: at), transcript: edit.transcript)
    }

    private static func start(of edit: OutputEdit) -> Int {
        switch edit.placement {
        case .replaceBody(let r): return r.lowerBound
        case .insertBlock(let at): return at
        }
    }

    /// The body bytes: each transcript line followed by the file's line ending.
    static func body(_ transcript: String, eol: [UInt8]) -> [UInt8] {
        if transcript.isEmpty { return [] }
        var out: [UInt8] = []
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = Substring(line)
            if l.hasSuffix("\r") { l = l.dropLast() }
            out.append(contentsOf: Array(l.utf8) + eol)
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
        var longest = 0
        for line in transcript.split(separator: "\n") {
            let run = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            longest = max(longest, run)
        }
        return max(3, longest + 1)
    }
}
