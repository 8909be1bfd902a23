/// Splits YAML front matter (between `---` lines at the very top) from the Markdown body and
/// reads it.
public enum FrontMatterParser {
    /// The result of splitting and reading front matter.
    public struct Result: Sendable {
        public var frontMatter: FrontMatter
        /// Byte offset in the source where the Markdown body starts.
        public var bodyStart: Int
        /// Warnings (unknown `nb:` options, values of the wrong type).
        public var diagnostics: [Diagnostic]
    }

    /// Reads the front matter of `source`, if any.
    /// A block between `---` lines that is YAML but not a mapping (`---`, `Foo`, `---`) is not
    /// front matter: the whole text is Markdown, with a warning.
    /// - Throws: `DocumentError` for unterminated front matter or malformed, too deep or too large
    ///   YAML (see `YAMLReader`), with its line and column.
    public static func parse(_ source: SourceText) throws(DocumentError) -> Result {
        guard source.lineStarts.count > 1, isFence(line: 0, in: source, allowDots: false) else {
            return Result(frontMatter: FrontMatter(), bodyStart: 0, diagnostics: [])
        }
        var closing: Int?
        for line in 1..<source.lineStarts.count where isFence(line: line, in: source, allowDots: true) {
            closing = line
            break
        }
        guard let closingLine = closing else {
            throw DocumentError(.unterminatedFrontMatter,
                                "front matter opened with `---` on line 1 is never closed",
                                at: TextLocation(line: 1, column: 1),
                                hint: "add a line `---` after the last front matter field")
        }
        let yaml = String(source.slice(source.lineStarts[1]..<source.lineStarts[closingLine]))
        let bodyStart = source.nextLineStart(afterLineIndex: closingLine)
        var diagnostics: [Diagnostic] = []
        let root = try YAMLReader.read(yaml, firstLine: 2)
        let fields: [YAMLEntry]
        switch root?.content {
        case nil: fields = []
        case .mapping(let entries): fields = entries
        case .scalar, .sequence:
            // `---`, a line of text, `---`: Markdown's thematic break and a setext heading, not
            // front matter.
            return Result(frontMatter: FrontMatter(), bodyStart: 0, diagnostics: [
                Diagnostic(.warning, "the `---` lines at the top do not hold `key: value` front matter; read as Markdown",
                           at: TextLocation(line: 1, column: 1))])
        }
        var frontMatter = FrontMatter(fields: fields, openingLine: 1, closingLine: closingLine + 1)
        frontMatter.title = scalar(frontMatter["title"])
        frontMatter.date = scalar(frontMatter["date"])
        frontMatter.layout = scalar(frontMatter["layout"])
        frontMatter.categories = words(frontMatter["category"]) + words(frontMatter["categories"])
        frontMatter.tags = words(frontMatter["tags"])
        if let nb = frontMatter["nb"] {
            frontMatter.options = readOptions(nb, diagnostics: &diagnostics)
        }
        return Result(frontMatter: frontMatter, bodyStart: bodyStart, diagnostics: diagnostics)
    }

    /// `---` (or `...` when closing) alone on a line, trailing spaces allowed.
    static func isFence(line: Int, in source: SourceText, allowDots: Bool) -> Bool {
        let start = source.lineStarts[line]
        let end = source.lineContentEnd(ofLineIndex: line)
        guard end - start >= 3 else { return false }
        var text = source.slice(start..<end)
        if line == 0, text.hasPrefix("\u{FEFF}") { text = text.dropFirst() } // a byte order mark
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text == "---" || (allowDots && text == "...")
    }

    // MARK: Jekyll keys

    private static func scalar(_ value: YAMLValue?) -> String? {
        value?.scalar
    }

    private static func words(_ value: YAMLValue?) -> [String] {
        guard let value else { return [] }
        switch value.content {
        case .scalar(let text):
            return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        case .sequence(let elements):
            return elements.compactMap(\.scalar).filter { !$0.isEmpty }
        case .mapping:
            return []
        }
    }

    // MARK: nb: options

    private static func readOptions(_ value: YAMLValue, diagnostics: inout [Diagnostic]) -> NotebookOptions {
        var options = NotebookOptions()
        guard let entries = value.entries else {
            diagnostics.append(Diagnostic(.warning, "`nb:` should hold options like `seed: 1`; ignored",
                                          at: TextLocation(line: value.line, column: 1)))
            return options
        }
        for entry in entries {
            let text = entry.value.scalar ?? ""
            let at = TextLocation(line: entry.value.line, column: 1)
            func expect(_ kind: String) {
                diagnostics.append(Diagnostic(.warning, "`nb: \(entry.key)` should be \(kind), not `\(text)`; ignored", at: at))
            }
            switch entry.key {
            case "seed":
                if let seed = UInt64(text) { options.seed = seed } else { expect("a non-negative integer") }
            case "timeout":
                if let seconds = Double(text), seconds > 0, seconds.isFinite { options.timeout = seconds } else { expect("a positive number of seconds") }
            case "rtol":
                if let number = Double(text), number >= 0, number.isFinite { options.rtol = number } else { expect("a non-negative number") }
            case "atol":
                if let number = Double(text), number >= 0, number.isFinite { options.atol = number } else { expect("a non-negative number") }
            case "unsafe_html":
                switch text.lowercased() {
                case "true", "yes", "on": options.unsafeHTML = true
                case "false", "no", "off": options.unsafeHTML = false
                default: expect("true or false")
                }
            case "macros":
                let (macros, problems) = MathMacros.read(entry.value)
                options.macros = macros
                diagnostics += problems.map { Diagnostic(.warning, $0.message, at: TextLocation(line: $0.line, column: 1)) }
            default:
                diagnostics.append(Diagnostic(.warning,
                    "unknown option `nb: \(entry.key)` (known: seed, timeout, rtol, atol, unsafe_html, macros); ignored", at: at))
            }
        }
        return options
    }
}
