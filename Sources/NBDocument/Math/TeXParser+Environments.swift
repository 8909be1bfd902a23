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
        switch environment {
        case "matrix", "smallmatrix", "array", "subarray":
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
        case "aligned", "align", "align*", "split", "alignat", "alignat*", "alignedat", "eqnarray", "eqnarray*":
            EnvironmentLayout(alignments: [.right, .left], displayStyle: true, flushPairs: true, open: nil, close: nil)
        case "gathered", "gather", "gather*", "equation", "equation*", "multline", "multline*", "displaymath":
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
        if name == "array" || name == "subarray" {
            if let spec = readRawArgument(for: "\\begin{\(name)}", at: offset) {
                let columns = Self.columnAlignments(spec)
                if !columns.isEmpty { layout.alignments = columns }
            }
        } else if name.hasPrefix("alignat") || name == "alignedat" {
            _ = readRawArgument(for: "\\begin{\(name)}", at: offset)
        }
        defer { leave() }
        if let error = enter(at: offset) { return error }

        let savedDisplayStyle = displayStyle
        displayStyle = layout.displayStyle
        openEnvironments += 1
        let (rows, stop) = parseCells()
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
        let table = MathNode.table(MathTable(rows: Self.trimmingEmptyLastRow(rows), columnAlignments: layout.alignments,
                                             displayStyle: layout.displayStyle, flushPairs: layout.flushPairs))
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
        let (rows, stop) = parseCells()
        openGroups -= 1
        if stop == .closeBrace {
            lexer.next()
        } else if !abandoned {
            report("missing } for \\substack", at: offset)
        }
        return .table(MathTable(rows: Self.trimmingEmptyLastRow(rows), columnAlignments: [.center],
                                displayStyle: false, flushPairs: false, compact: true))
    }

    /// Rows of cells separated by `&` and `\\`, up to the stop that is not one of those.
    private mutating func parseCells() -> ([[MathNode]], RowStop) {
        var rows: [[MathNode]] = [[]]
        while true {
            let (cell, stop) = parseRow(.environment)
            rows[rows.count - 1].append(cell)
            switch stop {
            case .ampersand:
                continue
            case .rowSeparator:
                rows.append([])
            default:
                return (rows, stop)
            }
        }
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
