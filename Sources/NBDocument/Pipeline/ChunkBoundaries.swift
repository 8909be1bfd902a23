/// Where the Markdown handed to cmark may be cut into parts that cmark parses one at a time
/// exactly as it parses the whole, so that only one part's tree is in memory at a time.
///
/// A candidate cut is the start of a line that follows a blank line and begins, in column 0, with
/// a character that cannot continue an open container: not a space or tab (indented code, list
/// item content), not `>` (block quote), not `-`, `+`, `*` or a digit (a list item continuing a
/// list, loose or not), and not U+FEFF's lead byte (cmark skips a byte-order mark only on the first
/// line). After a blank line no paragraph is open, so no lazy continuation or setext underline can
/// join the line to what came before; such a line closes every container. What can still span it
/// is a top-level fenced code block or an HTML block of kinds 1–5: the scan follows fences to skip
/// the obvious cases, and `ChunkedParse` checks every cut it makes against cmark's own tree.
///
/// Two things are document-wide and forbid cutting at all (the text is then parsed whole):
/// - link reference definitions: cmark resolves `[text][label]` against every definition in the
///   document (before or after) and caps the total expansion of references per document; a line
///   that starts with `[` (after container markers) in a text with `]:` is taken as a possible
///   definition;
/// - a carriage return not followed by a line feed: cmark counts it as a line end, the scan does not.
struct ChunkBoundaries {
    /// The start of a line where a new part may begin.
    struct Boundary: Equatable {
        /// Byte offset of the line start.
        var offset: Int
        /// 0-based index of the line.
        var line: Int
    }

    /// Candidate cuts in text order; empty when the text must be parsed whole.
    private(set) var candidates: [Boundary] = []
    /// `false` when the text has a possible link reference definition or a lone carriage return.
    private(set) var cuttable = true

    /// Scans `bytes` (UTF-8).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var sawBracketLine = false
        var fence: (character: UInt8, length: Int)? = nil
        var previousBlank = false
        // The line before a blank line is a bare URL: the reference detector may join the next
        // paragraph to it as its title, so no cut right after it (checked again on the tree).
        var urlBeforeBlank = false
        var lastLineWasURL = false
        var line = 0
        var start = 0
        let count = bytes.count
        while start < count {
            let end = bytes.firstOffset(of: 0x0A, from: start) ?? count
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let blank = Self.isBlank(bytes, start, contentEnd)
            if !blank {
                let first = bytes[start]
                if previousBlank, line > 0, fence == nil, !urlBeforeBlank, Self.canStartPart(first) {
                    candidates.append(Boundary(offset: start, line: line))
                }
                if Self.startsWithBracket(bytes, start, contentEnd) { sawBracketLine = true }
                fence = Self.nextFenceState(fence, bytes, start, contentEnd)
                lastLineWasURL = Self.looksLikeURL(bytes, start, contentEnd)
            } else if !previousBlank {
                urlBeforeBlank = lastLineWasURL
            }
            previousBlank = blank
            line += 1
            start = end + 1
        }
        if sawBracketLine && Self.containsLabelEnd(bytes) { cuttable = false }
        if Self.hasLoneCarriageReturn(bytes) { cuttable = false }
        if !cuttable { candidates = [] }
    }

    /// A blank line: only spaces and tabs.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return false }
            index += 1
        }
        return true
    }

    /// Whether a line beginning with `first` closes every open container (see the type's doc).
    private static func canStartPart(_ first: UInt8) -> Bool {
        switch first {
        case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), 0xEF:
            return false
        default:
            return true
        }
    }

    /// Whether the line, after spaces, tabs, `>` and list markers, starts with `[`.
    private static func startsWithBracket(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ")"):
                index += 1
            default:
                return byte == UInt8(ascii: "[")
            }
        }
        return false
    }

    /// The fence state after a non-blank line: a line of three or more backticks or tildes
    /// (indented at most three spaces) opens a fence, a run at least as long of the same character
    /// with nothing after it closes it. Fences in containers are followed as if at the top level:
    /// a wrong guess only moves a cut, which the tree check catches.
    private static func nextFenceState(_ fence: (character: UInt8, length: Int)?, _ bytes: UnsafeBufferPointer<UInt8>,
                                       _ start: Int, _ end: Int) -> (character: UInt8, length: Int)? {
        var index = start
        while index < end, index - start < 3, bytes[index] == 0x20 { index += 1 }
        guard index < end, bytes[index] == 0x60 || bytes[index] == 0x7E else { return fence }
        let character = bytes[index]
        var run = 0
        while index < end, bytes[index] == character { run += 1; index += 1 }
        guard run >= 3 else { return fence }
        if let open = fence {
            guard character == open.character, run >= open.length,
                  isBlank(bytes, index, end) else { return fence }
            return nil
        }
        if character == 0x60 {
            // A backtick fence's info string has no backtick (else it is a code span).
            while index < end {
                if bytes[index] == 0x60 { return nil }
                index += 1
            }
        }
        return (character, run)
    }

    /// A line starting `http` or `<http` (a possible bare-URL reference entry).
    private static func looksLikeURL(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x3C { index += 1 }
        let prefix: [UInt8] = [0x68, 0x74, 0x74, 0x70] // "http"
        guard end - index >= prefix.count else { return false }
        return (0..<prefix.count).allSatisfy { bytes[index + $0] == prefix[$0] }
    }

    /// Whether `]:` (the end of a definition's label) occurs.
    private static func containsLabelEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while let bracket = bytes.firstOffset(of: 0x5D, from: offset) {
            if bracket + 1 < bytes.count, bytes[bracket + 1] == 0x3A { return true }
            offset = bracket + 1
        }
        return false
    }

    private static func hasLoneCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while let carriageReturn = bytes.firstOffset(of: 0x0D, from: offset) {
            if carriageReturn + 1 == bytes.count || bytes[carriageReturn + 1] != 0x0A { return true }
            offset = carriageReturn + 1
        }
        return false
    }
}
