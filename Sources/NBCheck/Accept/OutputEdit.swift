/// One change `nb test --accept` makes to a notebook: a new body for an existing `output` block,
/// or a new `output` block inserted after a cell that displays something but has none.
///
/// Offsets are byte offsets into the file as read (UTF-8, line endings untouched), taken from the
/// document's source positions — never found by searching for text.
public struct OutputEdit: Sendable, Equatable {
    public enum Placement: Sendable, Equatable {
        /// Replace exactly these bytes: the body of an existing output block, from the first byte
        /// after its opening fence line to the first byte of its closing fence line.
        case replaceBody(Range<Int>)
        /// Insert a whole new block after the cell: at the end of its closing fence line (before
        /// or after that line's ending; the file's length when the fence ends the file).
        case insertBlock(at: Int)
    }

    public var placement: Placement
    /// The new transcript (SPEC §5 text), without a final newline.
    public var transcript: String

    public init(placement: Placement, transcript: String) {
        self.placement = placement
        self.transcript = transcript
    }
}
