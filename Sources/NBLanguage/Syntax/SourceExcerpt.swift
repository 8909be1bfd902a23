import NBDocument

/// Renders the line an error points at with a caret under the column, for error hints.
struct SourceExcerpt {
    let lines: [Substring]
    let origin: TextLocation

    init(source: String, origin: TextLocation) {
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        self.origin = origin
    }

    /// `  f(x, y\n        ^` for a location inside the source, nil outside it.
    func render(_ location: TextLocation) -> String? {
        let row = location.line - origin.line
        guard row >= 0, row < lines.count else { return nil }
        let column = row == 0 ? location.column - origin.column : location.column - 1
        var text = String(lines[row])
        if text.hasSuffix("\r") { text.removeLast() }
        let scalars = Array(text.unicodeScalars)
        guard column >= 0, column <= scalars.count else { return nil }
        // Keep tabs in the padding so the caret lines up under tab-indented code.
        var padding = ""
        for scalar in scalars[0..<column] { padding.append(scalar == "\t" ? "\t" : " ") }
        return "  \(text)\n  \(padding)^"
    }
}
