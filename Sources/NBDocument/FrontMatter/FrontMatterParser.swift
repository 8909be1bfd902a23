import Yams

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

    /// Largest nesting depth copied out of YAML; deeper values are an input error.
    static let maximumDepth = 64

    /// Reads the front matter of `source`, if any.
    /// - Throws: `DocumentError` for unterminated front matter or malformed YAML, with its line.
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
        let fields = try readFields(yaml, firstLine: 2)
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

    // MARK: YAML → values

    private static func readFields(_ yaml: String, firstLine: Int) throws(DocumentError) -> [YAMLEntry] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw malformed(error, firstLine: firstLine)
        } catch {
            throw DocumentError(.malformedFrontMatter, "front matter is not valid YAML",
                                at: TextLocation(line: firstLine, column: 1))
        }
        guard let node else { return [] }
        let value = try copy(node, firstLine: firstLine, depth: 0)
        guard let entries = value.entries else {
            throw DocumentError(.malformedFrontMatter, "front matter must be `key: value` lines",
                                at: TextLocation(line: value.line, column: 1),
                                hint: "write fields like `title: My notes`")
        }
        return entries
    }

    private static func malformed(_ error: YamlError, firstLine: Int) -> DocumentError {
        let hint = "fix the YAML between the `---` lines (quote values that contain `: ` or start with `[`, `{`, `*`, `&`)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return DocumentError(.malformedFrontMatter, "front matter is not valid YAML: \(detail)",
                                 at: TextLocation(line: mark.line + firstLine - 1, column: mark.column), hint: hint)
        default:
            return DocumentError(.malformedFrontMatter, "front matter is not valid YAML",
                                 at: TextLocation(line: firstLine, column: 1), hint: hint)
        }
    }

    private static func copy(_ node: Node, firstLine: Int, depth: Int) throws(DocumentError) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        guard depth < maximumDepth else {
            throw DocumentError(.malformedFrontMatter, "front matter is nested too deeply",
                                at: TextLocation(line: line, column: 1))
        }
        switch node {
        case .scalar(let scalar):
            return YAMLValue(.scalar(scalar.string), line: line)
        case .sequence(let sequence):
            var elements: [YAMLValue] = []
            for element in sequence { elements.append(try copy(element, firstLine: firstLine, depth: depth + 1)) }
            return YAMLValue(.sequence(elements), line: line)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                entries.append(YAMLEntry(key: name, value: try copy(value, firstLine: firstLine, depth: depth + 1)))
            }
            return YAMLValue(.mapping(entries), line: line)
        }
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
            default:
                diagnostics.append(Diagnostic(.warning,
                    "unknown option `nb: \(entry.key)` (known: seed, timeout, rtol, atol, unsafe_html); ignored", at: at))
            }
        }
        return options
    }
}
