/// Parses TeX math into a ``MathNode`` tree.
///
/// Recursive descent with a nesting limit: past ``maximumDepth`` levels the rest of the formula is
/// shown as an error instead of recursing further, so no input can overflow the stack. Every
/// construct consumes at least one token, so parsing is linear in the input.
struct TeXParser {
    static let maximumDepth = 64
    static let maximumDiagnostics = 20

    var lexer: TeXLexer
    private(set) var diagnostics: [Diagnostic] = []
    private var suppressedDiagnostics = 0
    var depth = 0
    var font: MathFont = .automatic
    /// The size set by `\\small`, `\\Large` … relative to the formula's (1 when none).
    var currentSize = 1.0
    /// Whether large operators currently take limits above/below (TeX display style).
    var displayStyle: Bool
    /// Set once the nesting limit is hit: the input has been consumed, enclosing groups stop quietly.
    var abandoned = false
    /// How many `{`, `\left` and `\begin` are open: a row stops at a closer that one of them owns.
    var openGroups = 0
    var openLeftRight = 0
    var openEnvironments = 0
    /// When macro expansion stopped at a limit, the call shown in place of the formula (the
    /// expander reported it; see ``MacroExpander/failureMarker``).
    var expansionFailure: String? = nil
    /// Set by `\\hline` in the cell being parsed; the environment records it per row.
    var sawHorizontalLine = false
    /// Whether the formula is display math (only display equations are numbered).
    let isDisplayFormula: Bool
    /// The page's last equation number (in: before this formula; out: after it).
    var equationNumber = 0
    /// Labels defined in this formula: anchor, number shown by `\\eqref`, offset of the `\\label`.
    var newLabels: [(anchor: String, number: String, offset: Int)] = []
    /// `\\label`, `\\tag` and `\\nonumber` of the equation (or row) being parsed.
    var pendingLabel: (anchor: String, offset: Int)? = nil
    var pendingTag: (text: String, starred: Bool)? = nil
    var pendingNoNumber = false
    /// Set by `equation` and `multline`: the whole formula takes one number.
    var numbersWholeFormula = false

    /// A parser over borrowed UTF-8; it must not outlive `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>, display: Bool) {
        lexer = TeXLexer(bytes: bytes)
        displayStyle = display
        isDisplayFormula = display
    }

    // MARK: Entry point

    /// The whole formula. `\\` and `&` outside any environment make the formula a table:
    /// `gathered` (centred rows) without `&`, `aligned` with it.
    mutating func parseFormula() -> MathNode {
        var formula = parseLines()
        let label = pendingLabel
        if let number = equationTag(numbered: numbersWholeFormula) {
            formula = .row(formula.rowChildren + [.space(width: "2em"), .text(number)])
            if let label { formula = .anchor(label.anchor, formula) }
        }
        guard let comment = lexer.commentAtEnd, !abandoned else { return formula }
        // Valid TeX, but in Markdown math it is nearly always a percent sign: show it as an error.
        report("% starts a comment that hides the rest of the formula; write \\% for a percent sign", at: comment)
        return .row(formula.rowChildren + [.error(lexer.text(comment..<lexer.bytes.count))])
    }

    private mutating func parseLines() -> MathNode {
        let (first, stop) = parseRow(.topLevel)
        guard stop == .ampersand || stop == .rowSeparator else { return first }
        var rows: [[MathNode]] = [[]]
        var sawAmpersand = false
        var cell = first
        var currentStop = stop
        while true {
            rows[rows.count - 1].append(cell)
            switch currentStop {
            case .ampersand:
                sawAmpersand = true
            case .rowSeparator:
                rows.append([])
            default:
                return .table(Self.implicitTable(rows, aligned: sawAmpersand))
            }
            (cell, currentStop) = parseRow(.topLevel)
        }
    }

    private static func implicitTable(_ rows: [[MathNode]], aligned: Bool) -> MathTable {
        MathTable(rows: trimmingEmptyLastRow(rows), columnAlignments: aligned ? [.right, .left] : [.center],
                  displayStyle: true, flushPairs: aligned)
    }

    static func trimmingEmptyLastRow(_ rows: [[MathNode]]) -> [[MathNode]] {
        guard rows.count > 1, let last = rows.last, last.allSatisfy({ $0 == .row([]) }) else { return rows }
        return Array(rows.dropLast())
    }

    // MARK: Equation numbers

    /// The tag shown for the pending equation (`(3)`, `(A.1)`, or a starred tag as written), taking
    /// the next number when `numbered`; records its label. Nil when it shows none. Clears the state.
    mutating func equationTag(numbered: Bool) -> String? {
        defer {
            pendingLabel = nil
            pendingTag = nil
            pendingNoNumber = false
        }
        let shown: String
        let reference: String
        if let tag = pendingTag {
            shown = tag.starred ? tag.text : "(" + tag.text + ")"
            reference = tag.text
        } else if isDisplayFormula && !pendingNoNumber && (numbered || pendingLabel != nil) {
            equationNumber += 1
            reference = String(equationNumber)
            shown = "(" + reference + ")"
        } else {
            return nil
        }
        if let label = pendingLabel { newLabels.append((label.anchor, reference, label.offset)) }
        return shown
    }

    // MARK: Diagnostics

    /// Records a warning at byte `offset` of the TeX (a point; `end` makes it a span).
    mutating func report(_ message: String, at offset: Int, to end: Int? = nil) {
        guard diagnostics.count < Self.maximumDiagnostics else {
            suppressedDiagnostics += 1
            return
        }
        diagnostics.append(Diagnostic(.warning, message, span: offset..<max(offset, end ?? offset)))
    }

    /// Records the diagnostics of a parser run over `bytes[range]` (an optional argument).
    mutating func report(_ inner: [Diagnostic], from range: Range<Int>) {
        for diagnostic in inner {
            let span = diagnostic.span ?? 0..<0
            report(diagnostic.message, at: span.lowerBound + range.lowerBound, to: span.upperBound + range.lowerBound)
        }
    }

    /// Diagnostics (spans in the TeX, not yet located), with a final note when some were suppressed.
    var allDiagnostics: [Diagnostic] {
        guard suppressedDiagnostics > 0, let last = diagnostics.last, let span = last.span else { return diagnostics }
        return diagnostics + [Diagnostic(.warning, "\(suppressedDiagnostics) more errors in this formula not shown", span: span)]
    }

    // MARK: Nesting

    /// Enters one nesting level; past the limit, abandons the formula and returns the error to show.
    mutating func enter(at offset: Int) -> MathNode? {
        depth += 1
        guard depth > Self.maximumDepth else { return nil }
        report("formula nested more than \(Self.maximumDepth) levels deep; the rest is shown unconverted", at: offset)
        let rest = lexer.text(offset..<lexer.bytes.count)
        lexer.skipToEnd()
        abandoned = true
        return .error(rest)
    }

    mutating func leave() {
        depth -= 1
    }
}
