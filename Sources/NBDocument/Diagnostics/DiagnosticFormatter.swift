/// The one way nb prints a warning or an error, as compilers do:
///
///     notebooks/demo.md:4:9: error: expected an expression, found end of cell
///         4 | y = (x +
///           |         ^
///       hint: the expression is incomplete
///
/// The first line is `file:line:col: severity: message` (editors jump to it); the source line and
/// a caret under the column follow when the line is at hand, then the hint. With `colours` the
/// position is bold, the severity red (error) or magenta (warning), the caret green and the hint
/// cyan, in ANSI escapes; without, the text is plain. The column counts Unicode scalars; tabs are
/// kept in the caret's padding so that it lines up under tab-indented text.
///
/// Every command prints through it: cell errors (`CellError`, via
/// `NotebookExecution.diagnostics`) and the page pipeline's `SiteDiagnostic`s are turned into
/// ``Diagnostic`` values first. (Those two types still exist beside ``Diagnostic`` because
/// NBLanguage sits below NBDocument and the page cache stores `SiteDiagnostic`; merging them needs
/// the diagnostic type moved to a module below both.)
public struct DiagnosticFormatter: Sendable {
    /// Whether to colour the report with ANSI escapes (a terminal that did not ask for `NO_COLOR`).
    public var colours: Bool

    public init(colours: Bool = false) { self.colours = colours }

    /// The report of `diagnostic` about `file`; `sourceLine` is the text of the line it points at
    /// (nil leaves the excerpt out).
    public func format(_ diagnostic: Diagnostic, file: String, sourceLine: String?) -> String {
        let location = diagnostic.location
        let position = location.line > 0 ? "\(file):\(location.line):\(location.column):" : "\(file):"
        let severity = diagnostic.severity.rawValue + ":"
        var lines = [paint(position, .bold) + " " + paint(severity, diagnostic.severity == .error ? .red : .magenta)
                     + " " + paint(diagnostic.message, .bold)]
        if location.line > 0, let sourceLine, let caret = Self.caretPadding(sourceLine, column: location.column) {
            var text = sourceLine
            if text.hasSuffix("\r") { text.removeLast() }
            let number = String(location.line)
            let gutter = String(repeating: " ", count: max(0, 5 - number.count))
            lines.append(gutter + number + " | " + text)
            lines.append(gutter + String(repeating: " ", count: number.count) + " | " + caret + paint("^", .green))
        }
        if let hint = diagnostic.hint, !hint.isEmpty {
            let hintLines = hint.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("  " + paint("hint:", .cyan) + " " + hintLines[0])
            lines += hintLines.dropFirst().map { "        " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Line `number` (1-based) of `text` (lines end at `\n`; a `\r` before it stays), nil when it
    /// has no such line.
    public static func line(_ number: Int, of text: String) -> String? {
        Lines(text).line(number)
    }

    /// The lines of a text as `line(_:of:)` cuts them, found once for many look-ups (a long
    /// notebook with a thousand warnings is not split a thousand times).
    public struct Lines: Sendable {
        private let text: String
        /// Byte offset of each line's start.
        private let starts: [Int]

        public init(_ text: String) {
            self.text = text
            var starts = [0]
            text.withUTF8Bytes { bytes in
                var offset = 0
                while let newline = bytes.firstOffset(of: 0x0A, from: offset) {
                    offset = newline + 1
                    starts.append(offset)
                }
            }
            self.starts = starts
        }

        /// Line `number` (1-based), nil when there is no such line.
        public func line(_ number: Int) -> String? {
            guard number >= 1, number <= starts.count else { return nil }
            let start = starts[number - 1]
            return text.withUTF8Bytes { bytes in
                let end = number < starts.count ? starts[number] - 1 : bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
    }

    /// Spaces (tabs kept) up to `column` of `line`; nil when the column is not on the line (one past
    /// its end is: that is where something missing would go).
    static func caretPadding(_ line: String, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard column >= 1, column - 1 <= scalars.count else { return nil }
        var padding = ""
        for scalar in scalars[0..<(column - 1)] { padding.append(scalar == "\t" ? "\t" : " ") }
        return padding
    }

    enum Style: String {
        case bold = "1", red = "1;31", magenta = "1;35", green = "1;32", cyan = "1;36"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colours ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
