extension TeXParser {
    /// How an environment lays out its cells.
    struct EnvironmentLayout {
        var alignments: [MathTable.Alignment]
        var displayStyle: Bool
        var flushPairs: Bool
        var open: String?
        var close: String?
    }

    static func layout(of environment: String) -> EnvironmentLayout? {
        var environment = environment
        if environment.hasSuffix("matrix*") { environment.removeLast() }
        return switch environment {
        case "matrix", "smallmatrix", "array", "subarray", "darray":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: nil, close: nil)
        case "pmatrix":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: "(", close: ")")
        case "bmatrix":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: "[", close: "]")
        case "Bmatrix":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: "{", close: "}")
        case "vmatrix":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: "|", close: "|")
        case "Vmatrix":
            EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: "‖", close: "‖")
        case "cases":
            EnvironmentLayout(alignments: [.left, .left], displayStyle: false, flushPairs: false, open: "{", close: nil)
        case "dcases":
            EnvironmentLayout(alignments: [.left, .left], displayStyle: true, flushPairs: false, open: "{", close: nil)
        case "rcases":
            EnvironmentLayout(alignments: [.left, .left], displayStyle: false, flushPairs: false, open: nil, close: "}")
        case "drcases":
            EnvironmentLayout(alignments: [.left, .left], displayStyle: true, flushPairs: false, open: nil, close: "}")
        case "aligned", "align", "align*", "split", "alignat", "alignat*", "alignedat", "eqnarray", "eqnarray*":
            EnvironmentLayout(alignments: [.right, .left], displayStyle: true, flushPairs: true, open: nil, close: nil)
        case "gathered", "gather", "gather*", "equation", "equation*", "multline", "multline*", "displaymath", "math":
            EnvironmentLayout(alignments: [.center], displayStyle: true, flushPairs: false, open: nil, close: nil)
        default:
            nil
        }
    }

    /// `\begin{name} … \end{name}`: a table, with fences for the matrix forms.
    mutating func parseEnvironment(at offset: Int) -> MathNode {
        guard let name = readRawArgument(for: "\\begin", at: offset)?.trimmingSpaces else {
            return .error("\\begin")
        }
        var layout = Self.layout(of: name) ?? {
            report("unknown environment \(name); its cells are shown as a plain table", at: offset)
            return EnvironmentLayout(alignments: [.center], displayStyle: false, flushPairs: false, open: nil, close: nil)
        }()
        var verticalLines: Set<Int> = []
        if name == "array" || name == "subarray" || name == "darray" {
            if let spec = readRawArgument(for: "\\begin{\(name)}", at: offset) {
                let columns = Self.columnAlignments(spec)
                if !columns.isEmpty { layout.alignments = columns }
                verticalLines = Self.columnLines(spec)
            }
            if name == "darray" { layout.displayStyle = true }
        } else if name.hasSuffix("matrix*") {
            // `\begin{pmatrix*}[r]`: one alignment for every column.
            if let range = lexer.readRawOptional(), let alignment = Self.columnAlignments(lexer.text(range)).first {
                layout.alignments = [alignment]
            }
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = readRawArgument(for: "\\begin{\(name)}", at: offset)
        }
        defer { leave() }
        if let error = enter(at: offset) { return error }

        let savedDisplayStyle = displayStyle
        displayStyle = layout.displayStyle
        openEnvironments += 1
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        let rowNumbers = ["align", "gather", "eqnarray", "alignat", "flalign", "xalignat"].contains(base)
        if base == "equation" || base == "multline" { numbersWholeFormula = !name.hasSuffix("*") }
        let (rows, stop, lines) = parseCells(rowNumbers: rowNumbers, numbered: rowNumbers && !name.hasSuffix("*"))
        openEnvironments -= 1
        displayStyle = savedDisplayStyle

        if stop == .endEnvironment {
            let end = lexer.next()
            let endName = readRawArgument(for: "\\end", at: end.start)?.trimmingSpaces
            if endName != name {
                report("\\begin{\(name)} ended by \\end{\(endName ?? "")}", at: end.start)
            }
        } else if !abandoned {
            report("missing \\end{\(name)}", at: offset)
        }
        var model = MathTable(rows: Self.trimmingEmptyLastRow(rows), columnAlignments: layout.alignments,
                              displayStyle: layout.displayStyle, flushPairs: layout.flushPairs)
        if let last = lines.max() { model.rowLines = (0...last).map { lines.contains($0) ? .solid : .none } }
        if let last = verticalLines.max() { model.columnLines = (0...last).map { verticalLines.contains($0) ? .solid : .none } }
        let table = MathNode.table(model)
        guard layout.open != nil || layout.close != nil else { return table }
        var nodes: [MathNode] = []
        if let open = layout.open { nodes.append(.op(MathOperator(open, form: .prefix, fence: true, stretchy: true))) }
        nodes.append(table)
        if let close = layout.close { nodes.append(.op(MathOperator(close, form: .postfix, fence: true, stretchy: true))) }
        return .row(nodes)
    }

    /// `\substack{a \\ b}`: centred rows (under a large operator).
    mutating func parseSubstack(at offset: Int) -> MathNode {
        guard lexer.peek().token == .character("{") else {
            report("\\substack needs a {…} argument", at: offset)
            return .error("\\substack")
        }
        let open = lexer.next()
        defer { leave() }
        if let error = enter(at: open.start) { return error }
        openGroups += 1
        let (rows, stop, _) = parseCells()
        openGroups -= 1
        if stop == .closeBrace {
            lexer.next()
        } else if !abandoned {
            report("missing } for \\substack", at: offset)
        }
        return .table(MathTable(rows: Self.trimmingEmptyLastRow(rows), columnAlignments: [.center],
                                displayStyle: false, flushPairs: false, compact: true))
    }

    /// Rows of cells separated by `&` and `\\`, up to the stop that is not one of those, and the
    /// row boundaries `\hline` drew a rule on. With `rowNumbers`, each row is an equation: its
    /// `\tag`, `\label` and `\nonumber` give it a number (automatic when `numbered`), shown after
    /// its last cell.
    private mutating func parseCells(rowNumbers: Bool = false, numbered: Bool = false) -> ([[MathNode]], RowStop, Set<Int>) {
        var rows: [[MathNode]] = [[]]
        var lines: Set<Int> = []
        let outerLine = sawHorizontalLine
        let outer = (pendingLabel, pendingTag, pendingNoNumber)
        if rowNumbers { (pendingLabel, pendingTag, pendingNoNumber) = (nil, nil, false) }
        defer {
            sawHorizontalLine = outerLine
            if rowNumbers { (pendingLabel, pendingTag, pendingNoNumber) = outer }
        }
        while true {
            sawHorizontalLine = false
            let (cell, stop) = parseRow(.environment)
            if sawHorizontalLine { lines.insert(rows.count - 1) }
            rows[rows.count - 1].append(cell)
            if rowNumbers && stop != .ampersand {
                let last = rows.count - 1
                let emptyLastRow = stop != .rowSeparator && last > 0 && rows[last].allSatisfy { $0 == .row([]) }
                let label = pendingLabel
                if !emptyLastRow, let shown = equationTag(numbered: numbered) {
                    var cell = MathNode.row(rows[last][rows[last].count - 1].rowChildren + [.space(width: "2em"), .text(shown)])
                    if let label { cell = .anchor(label.anchor, cell) }
                    rows[last][rows[last].count - 1] = cell
                }
                (pendingLabel, pendingTag, pendingNoNumber) = (nil, nil, false)
            }
            switch stop {
            case .ampersand:
                continue
            case .rowSeparator:
                rows.append([])
            default:
                return (rows, stop, lines)
            }
        }
    }

    /// The column boundaries a `{c|c}` specification draws a rule on (0: left of the first column).
    static func columnLines(_ spec: String) -> Set<Int> {
        var lines: Set<Int> = []
        var column = 0
        for scalar in spec.unicodeScalars {
            switch scalar {
            case "l", "c", "r": column += 1
            case "|", ":": lines.insert(column)
            default: break
            }
        }
        return lines
    }

    /// `{lcr}`-style column specifications (`|` and `@{…}` are ignored).
    static func columnAlignments(_ spec: String) -> [MathTable.Alignment] {
        spec.unicodeScalars.compactMap { scalar in
            switch scalar {
            case "l": .left
            case "c": .center
            case "r": .right
            default: nil
            }
        }
    }
}
