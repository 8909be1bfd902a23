/// Colours of highlighted `nb` cells (`SyntaxHighlighter`'s token classes), light and dark. Every
/// colour meets WCAG AA (≥ 4.5:1) on the code background of its scheme: `CodeStyleTests` checks.
/// Other fenced languages are not highlighted (docs/publishing.md says why).
enum CodeStyle {
    /// `(class, light, dark)` per token kind.
    static let colours: [(kind: String, light: String, dark: String)] = [
        ("keyword", "#a0287c", "#ff7eb6"),
        ("number", "#0b6b5c", "#6fd3c2"),
        ("string", "#1a6e1a", "#9bd88a"),
        ("comment", "#5f6b77", "#98a3ae"),
        ("builtin", "#5b3cc4", "#c3b1ff"),
        ("operator", "#a34a08", "#ffad66"),
    ]

    /// The code backgrounds the colours are checked against (`--nb-code-bg`, light and dark).
    static let background = (light: "#f5f6f8", dark: "#1f2329")

    static var css: String {
        var css = ".nb-tok-comment { font-style: italic; }\n.nb-tok-keyword { font-weight: 600; }\n"
        for colour in colours { css += ".nb-tok-\(colour.kind) { color: \(colour.light); }\n" }
        css += "@media (prefers-color-scheme: dark) {\n"
        for colour in colours { css += ".nb-tok-\(colour.kind) { color: \(colour.dark); }\n" }
        return css + "}\n"
    }
}
