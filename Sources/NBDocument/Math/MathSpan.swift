/// One formula found in Markdown source by ``MathScanner/scan(_:)``.
public struct MathSpan: Sendable, Equatable {
    /// The whole span including delimiters, as indices of the scanned text.
    public var range: Range<String.Index>
    /// The TeX between the delimiters, verbatim.
    public var tex: String
    public var delimiter: MathDelimiter
    /// 1-based line of the opening delimiter.
    public var line: Int
    /// 1-based column (in UTF-8 bytes, like libcmark) of the opening delimiter.
    public var column: Int

    public init(range: Range<String.Index>, tex: String, delimiter: MathDelimiter, line: Int, column: Int) {
        self.range = range
        self.tex = tex
        self.delimiter = delimiter
        self.line = line
        self.column = column
    }

    /// Maps a diagnostic of ``MathML/render(_:display:)`` (positions relative to ``tex``) to a
    /// position in the Markdown this span was scanned from.
    public func locate(_ diagnostic: MathDiagnostic) -> MathDiagnostic {
        var located = diagnostic
        if diagnostic.line <= 1 {
            located.line = line
            located.column = column + delimiter.opening.utf8.count + max(diagnostic.column, 1) - 1
        } else {
            located.line = line + diagnostic.line - 1
        }
        return located
    }
}
