/// The four ways a formula can be marked in Markdown source.
public enum MathDelimiter: Sendable, Hashable {
    /// `$…$`: inline math (pandoc's rule).
    case dollar
    /// `$$…$$`: display when it stands alone in its paragraph, inline otherwise (kramdown's rule).
    case doubleDollar
    /// `\(…\)`: inline math.
    case parenthesis
    /// `\[…\]`: display math.
    case bracket

    /// The opening delimiter as written in the source.
    public var opening: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\("
        case .bracket: "\\["
        }
    }

    /// The closing delimiter as written in the source.
    public var closing: String {
        switch self {
        case .dollar: "$"
        case .doubleDollar: "$$"
        case .parenthesis: "\\)"
        case .bracket: "\\]"
        }
    }
}
