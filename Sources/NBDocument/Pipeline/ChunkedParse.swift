/// Parses Markdown with cmark one part at a time, cut where `ChunkBoundaries` allows, so that
/// memory holds one part's tree rather than the whole document's; the trees are those cmark gives
/// for the whole text, node for node (line numbers count from each part's first line).
///
/// Every cut is checked on cmark's own tree before it is used: the part is parsed together with
/// the first line after the cut (the probe), and the cut holds only when a top-level node starts on
/// that line (else a fenced code block or HTML block runs across it) and the last node before it is
/// not one the block builder reads together with the next (`looksAhead`). The probe's nodes are
/// freed before the part is handed on. A cut that does not hold is replaced by a later one, at
/// least twice as far from the part's start, so the parses that fail add up to at most twice the
/// text: a text that cannot be cut costs at most about three whole parses.
enum ChunkedParse {
    /// Bytes a part has at least, where a cut allows (about 1 MB of cmark tree).
    static let partSize = 64 * 1024

    /// One part of the text, parsed.
    struct Part {
        var tree: CmarkTree
        /// The part's bytes in the text (without the probe).
        var bytes: Range<Int>
        /// The 0-based line of the text the part starts on.
        var firstLine: Int
    }

    /// Calls `body` with each part, in text order. `whole` parses the text in one part.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, unsafe: Bool, whole: Bool = false, partSize: Int = partSize,
                      looksAhead: (CmarkNode) -> Bool, _ body: (Part) -> Void) {
        let candidates = whole ? [] : ChunkBoundaries(bytes).candidates
        var start = ChunkBoundaries.Boundary(offset: 0, line: 0)
        var next = 0 // the first candidate that may end the part
        var minimumEnd = partSize
        while true {
            while next < candidates.count, candidates[next].offset - start.offset < minimumEnd { next += 1 }
            guard next < candidates.count else {
                body(Part(tree: CmarkTree(UnsafeBufferPointer(rebasing: bytes[start.offset...]), unsafe: unsafe),
                          bytes: start.offset..<bytes.count, firstLine: start.line))
                return
            }
            let cut = candidates[next]
            let part = CmarkTree(UnsafeBufferPointer(rebasing: bytes[start.offset..<lineEnd(bytes, from: cut.offset)]),
                                 unsafe: unsafe)
            let holds = part.freeTopLevelNodes(startingAt: cut.line - start.line + 1)
                && !(part.lastTopLevelNode.map(looksAhead) ?? false)
            if holds {
                body(Part(tree: part, bytes: start.offset..<cut.offset, firstLine: start.line))
                start = cut
                minimumEnd = partSize
            } else {
                minimumEnd = 2 * (cut.offset - start.offset)
            }
        }
    }

    /// The offset just past the line that starts at `offset` (its line feed included).
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        bytes.firstOffset(of: 0x0A, from: offset).map { $0 + 1 } ?? bytes.count
    }
}
