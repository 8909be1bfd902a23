/// Code in prose whose value the page shows: an inline expression `` `{nb} expr` ``, an inline
/// check `` `{nb} assert expr` ``, or `\nb{expr}` inside a formula.
///
/// It runs in the document's session at its place in the document: after the cells above it and
/// before the cells below it.
public struct InlineCode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `` `{nb} expr` ``: the value is shown as text.
        case expression
        /// `` `{nb} assert expr` ``: a check, counted by `nb test`.
        case check
        /// `\nb{expr}` in `$…$` or `$$…$$`: the value is inserted as TeX.
        case math
    }

    /// 0-based position in `Document.inlineCode` (the number in its HTML placeholder).
    public var index: Int
    public var kind: Kind
    /// The code as it runs: the code span's text after `{nb}` (a check keeps its `assert`), or
    /// the inside of `\nb{…}`.
    public var source: String
    /// Where `source` starts in the file.
    public var location: TextLocation
    /// Byte offset of `source` in the file (what orders it among the cells).
    public var offset: Int
    /// The sentence around the code, as written in the file on one line (for `nb test` reports).
    public var sentence: String

    public init(index: Int, kind: Kind, source: String, location: TextLocation, offset: Int, sentence: String) {
        self.index = index
        self.kind = kind
        self.source = source
        self.location = location
        self.offset = offset
        self.sentence = sentence
    }

    /// The code as written, without backticks: `{nb} x` or `\nb{x}`.
    public var text: String {
        kind == .math ? "\\nb{\(source)}" : "{nb} \(source)"
    }

    /// How it was written, for messages: `` `{nb} x` `` or `\nb{x}`.
    public var written: String {
        kind == .math ? text : "`\(text)`"
    }
}
