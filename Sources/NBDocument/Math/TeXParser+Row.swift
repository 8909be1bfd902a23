extension TeXParser {
    /// Where a row is being parsed; decides which tokens end it.
    enum RowContext: Equatable {
        case topLevel, group, leftRight, environment
    }

    /// Why a row ended.
    enum RowStop: Equatable {
        case end, closeBrace, ampersand, rowSeparator, right, endEnvironment
    }

    /// Where scripts go: beside the base (`msubsup`) or above/below it (`munderover`).
    enum LimitsPlacement {
        case never, displayOnly, always
    }

    /// A parsed atom and where its scripts go.
    struct Atom {
        var node: MathNode
        var limits: LimitsPlacement = .never
    }

    /// The last atom of a row while its scripts are still being read.
    struct PendingAtom {
        var base: MathNode
        var limits: LimitsPlacement
        var sub: MathNode? = nil
        var sup: [MathNode] = []
        var hasSuperscript = false
        /// Primes written `'`; drawn after the base at their natural height (the glyph is already raised).
        var primes = 0
    }

    /// Parses atoms until a token that ends a row in `context`. Font and style switches made in the
    /// row end with it (TeX groups). `\over` and friends split the row into a fraction.
    mutating func parseRow(_ context: RowContext) -> (MathNode, RowStop) {
        let savedFont = font
        let savedDisplayStyle = displayStyle
        let savedSize = currentSize
        // Each style switch wraps the rest of the row in one more `<mstyle>`: it counts as a nesting
        // level, so `\color{red}` repeated 100,000 times cannot build a tree too deep to write.
        var styleLevels = 0
        defer {
            font = savedFont
            displayStyle = savedDisplayStyle
            currentSize = savedSize
            depth -= styleLevels
        }
        var nodes: [MathNode] = []
        var pending: PendingAtom? = nil
        var styleMarks: [(index: Int, style: MathStyle)] = []
        var overSplit: (index: Int, command: String)? = nil
        var stop = RowStop.end

        func flush(_ pending: inout PendingAtom?, into nodes: inout [MathNode], displayStyle: Bool) {
            // Taken, not copied: the atom's nodes move into the row without extra retains.
            guard let atom = pending.take() else { return }
            if atom.primes > 0 && atom.sub == nil && atom.sup.isEmpty {
                // `f'` alone: the base and its prime, side by side in the row.
                nodes.append(atom.base)
                nodes.append(Self.prime(atom.primes))
            } else {
                nodes.append(Self.finish(atom, displayStyle: displayStyle))
            }
        }

        loop: while true {
            let located = lexer.peek()
            let kind = Self.classify(located.token)
            switch kind {
            case .end:
                stop = .end
                break loop

            case .closeBrace:
                if context == .group {
                    lexer.next()
                    stop = .closeBrace
                    break loop
                }
                if openGroups > 0 {
                    stop = .closeBrace
                    break loop
                }
                lexer.next()
                report("unmatched }", at: located.start)
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                nodes.append(.error("}"))

            case .ampersand:
                lexer.next()
                if context == .environment || context == .topLevel {
                    stop = .ampersand
                    break loop
                }
                report("misplaced &: alignment only works directly inside an environment or a display formula",
                       at: located.start)
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                nodes.append(.error("&"))

            case .lineBreak:
                lexer.next()
                lexer.readRowSpacing()
                if context == .environment || context == .topLevel {
                    stop = .rowSeparator
                    break loop
                }
                report("misplaced \\\\: line breaks only work directly inside an environment or a display formula",
                       at: located.start)
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                nodes.append(.error("\\\\"))

            case .right:
                if context == .leftRight {
                    stop = .right
                    break loop
                }
                if openLeftRight > 0 {
                    stop = .right
                    break loop
                }
                lexer.next()
                report("\\right without a matching \\left", at: located.start)
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                let delimiter = lexer.next()
                nodes.append(.error(lexer.text(located.start..<delimiter.end)))

            case .endEnvironment:
                if openEnvironments > 0 {
                    stop = .endEnvironment
                    break loop
                }
                lexer.next()
                let name = lexer.readRawGroup()
                report("\\end without a matching \\begin", at: located.start)
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                nodes.append(.error(lexer.text(located.start..<(name.map { $0.content.upperBound + 1 } ?? located.end))))

            case .middle:
                lexer.next()
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                if openLeftRight == 0 { report("\\middle outside \\left … \\right", at: located.start) }
                nodes.append(parseSizedDelimiter(command: "middle", at: located.start, size: nil, form: nil))

            case .over(let name):
                lexer.next()
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                if overSplit != nil {
                    report("ambiguous fraction: more than one \\over in the same group", at: located.start)
                    nodes.append(.error(lexer.text(located.start..<located.end)))
                } else if name == "above" {
                    // `\above{2pt}`: \over with that rule thickness.
                    let thickness = readRawArgument(for: "\\above", at: located.start).flatMap(Self.cssLength) ?? "0"
                    overSplit = (nodes.count, "above:" + thickness)
                } else {
                    overSplit = (nodes.count, name)
                }

            case .limits(let placement):
                lexer.next()
                if pending != nil && pending?.sub == nil && pending?.sup.isEmpty == true {
                    pending?.limits = placement
                } else {
                    report("\\limits and \\nolimits must follow an operator", at: located.start)
                }

            case .style, .size:
                // A switch applies from here to the end of the group: close what came before it.
                lexer.next()
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                styleLevels += 1
                if let error = enter(at: located.start) {
                    nodes.append(error)
                    continue
                }
                if case .style(let style, let display) = kind {
                    displayStyle = display
                    styleMarks.append((nodes.count, style))
                } else if case .size(let size) = kind {
                    // `mathsize` is relative to the enclosing size: `\tiny a \normalsize b` is back to 100%.
                    let ratio = size / currentSize
                    currentSize = size
                    styleMarks.append((nodes.count, MathStyle(size: Self.formatPercent(ratio))))
                }

            case .font(let newFont):
                lexer.next()
                font = newFont

            case .horizontalLine:
                lexer.next()
                if context == .environment { sawHorizontalLine = true } else {
                    report("\\hline only works inside an array or a matrix", at: located.start)
                }

            case .color:
                lexer.next()
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                styleLevels += 1
                if let error = enter(at: located.start) {
                    nodes.append(error)
                    continue
                }
                if let color = readColor(for: "\\color", at: located.start) {
                    styleMarks.append((nodes.count, MathStyle(color: color)))
                }

            case .script(let isSuperscript):
                lexer.next()
                if pending == nil { pending = PendingAtom(base: .row([]), limits: .never) }
                if isSuperscript ? pending?.hasSuperscript == true : pending?.sub != nil {
                    report(isSuperscript ? "double superscript" : "double subscript", at: located.start)
                    flush(&pending, into: &nodes, displayStyle: displayStyle)
                    pending = PendingAtom(base: .row([]), limits: .never)
                }
                let argument = parseArgument(for: isSuperscript ? "^" : "_", at: located.start)
                if isSuperscript, let count = Self.primeCount(argument), pending?.sup.isEmpty == true {
                    // `f^\prime` is `f'`.
                    pending?.primes += count
                } else if isSuperscript {
                    pending?.sup.append(argument)
                    pending?.hasSuperscript = true
                } else {
                    pending?.sub = argument
                }

            case .prime:
                var count = 0
                while lexer.peek().token == .character("'") {
                    lexer.next()
                    count += 1
                }
                if pending == nil { pending = PendingAtom(base: .row([]), limits: .never) }
                if pending?.hasSuperscript == true {
                    report("double superscript: a prime after a superscript", at: located.start)
                    flush(&pending, into: &nodes, displayStyle: displayStyle)
                    pending = PendingAtom(base: .row([]), limits: .never)
                }
                pending?.primes += count

            case .atom, .symbol:
                flush(&pending, into: &nodes, displayStyle: displayStyle)
                var atom: Atom
                if case .symbol(let symbol) = kind {
                    lexer.next()
                    atom = self.atom(for: symbol)
                } else if case .command(let name) = located.token {
                    // Not a symbol (``rowCommands`` holds them all): straight to the commands.
                    lexer.next()
                    atom = parseCommand(name, at: located)
                } else {
                    atom = parseAtom(single: false)
                }
                if case .op(var op) = atom.node, op.form == nil, Self.isSign(op.text),
                   let previous = nodes.last, previous.leavesSignUnary {
                    // `= -1`, `(-x`: a sign after an operator or opening fence is unary (TeX's rule).
                    op.form = .prefix
                    atom.node = .op(op)
                }
                pending = PendingAtom(base: atom.node, limits: atom.limits)
            }
        }
        flush(&pending, into: &nodes, displayStyle: displayStyle)

        guard let (split, command) = overSplit else {
            return (Self.applying(styleMarks, to: nodes), stop)
        }
        let numerator = Self.applying(styleMarks.filter { $0.index < split }, to: Array(nodes[..<split]))
        let denominator = Self.applying(styleMarks.filter { $0.index >= split }.map { ($0.index - split, $0.style) },
                                        to: Array(nodes[split...]))
        return (Self.overFraction(command, numerator, denominator), stop)
    }

    /// `\over` (a rule), `\atop` (none), `\choose` (none, in parentheses), `\brace`, `\brack`.
    static func overFraction(_ command: String, _ numerator: MathNode, _ denominator: MathNode) -> MathNode {
        let thickness: String? = command == "over" ? nil : command.hasPrefix("above:") ? String(command.dropFirst(6)) : "0"
        let fraction = MathNode.fraction(numerator, denominator, lineThickness: thickness, displayStyle: nil)
        let fences: (String, String)? = switch command {
        case "choose": ("(", ")")
        case "brace": ("{", "}")
        case "brack": ("[", "]")
        default: nil
        }
        guard let (open, close) = fences else { return fraction }
        return .row([.op(MathOperator(open, form: .prefix, fence: true, stretchy: true)), fraction,
                     .op(MathOperator(close, form: .postfix, fence: true, stretchy: true))])
    }

    /// Wraps the nodes after each style switch in an `<mstyle>`, innermost last.
    static func applying(_ marks: [(index: Int, style: MathStyle)], to nodes: [MathNode]) -> MathNode {
        var result = nodes
        for (index, style) in marks.reversed() where index <= result.count {
            let tail = Array(result[index...])
            result.removeSubrange(index...)
            result.append(.style(style, .wrap(tail)))
        }
        return .wrap(result)
    }

    /// An atom with its scripts: beside it, or as limits above/below in display style.
    static func finish(_ atom: consuming PendingAtom, displayStyle: Bool) -> MathNode {
        if atom.primes > 0 {
            atom.base = .row([atom.base, prime(atom.primes)])
            atom.primes = 0
        }
        guard atom.sub != nil || !atom.sup.isEmpty else { return atom.base }
        let sup: MathNode? = atom.sup.isEmpty ? nil : .wrap(atom.sup)
        let asLimits = atom.limits == .always || (atom.limits == .displayOnly && displayStyle)
        guard asLimits else { return .scripts(atom.base, sub: atom.sub, sup: sup) }
        var base = atom.base
        if case .op(var op) = base {
            op.movableLimits = false
            base = .op(op)
        }
        return .underOver(base, under: atom.sub, over: sup, accent: false, accentUnder: false)
    }

    /// How many primes a superscript consists of, if it is only primes (`^\prime`, `^{\prime\prime}`).
    static func primeCount(_ node: MathNode) -> Int? {
        var count = 0
        for child in node.rowChildren {
            guard case .identifier(let text, _) = child, sameBytes(text, "′") else { return nil }
            count += 1
        }
        return count > 0 ? count : nil
    }

    static func prime(_ count: Int) -> MathNode {
        .op(MathOperator(primes(count), lspace: .zero, rspace: .zero))
    }

    static func primes(_ count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        case 4: "⁗"
        default: String(repeating: "′", count: count)
        }
    }

    /// `+ − ± ∓`, by their bytes: this runs for every operator in a row, and `String` equality
    /// of non-ASCII text checks canonical equivalence (none of these has another form).
    static func isSign(_ text: String) -> Bool {
        sameBytes(text, "+") || sameBytes(text, "−") || sameBytes(text, "±") || sameBytes(text, "∓")
    }

    /// Whether `text` is `literal`, byte for byte.
    static func sameBytes(_ text: String, _ literal: StaticString) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { utf8.elementsEqual($0) }
    }

    /// What a token means to the row loop.
    enum RowToken {
        case end, closeBrace, ampersand, lineBreak, right, endEnvironment, middle, color, prime, atom
        case over(String)
        case size(Double)
        case horizontalLine
        case limits(LimitsPlacement)
        case style(MathStyle, Bool)
        case font(MathFont)
        case script(superscript: Bool)
        /// A symbol command (``MathSymbols/commands``): an atom, found by the same lookup.
        case symbol(MathSymbol)
    }

    /// One switch on characters, one table lookup for commands (row commands and symbols).
    static func classify(_ token: TeXLexer.Token) -> RowToken {
        switch token {
        case .end: .end
        case .character(let scalar):
            switch scalar {
            case "}": .closeBrace
            case "&": .ampersand
            case "^": .script(superscript: true)
            case "_": .script(superscript: false)
            case "'": .prime
            default: .atom
            }
        case .command(let name): rowCommands[name] ?? .atom
        }
    }

    static let rowCommands: [String: RowToken] = {
        var table: [String: RowToken] = MathSymbols.commands.mapValues { .symbol($0) }
        table.merge([
            "\\": .lineBreak, "cr": .lineBreak, "newline": .lineBreak, "right": .right, "end": .endEnvironment,
            "middle": .middle, "color": .color, "limits": .limits(.always), "nolimits": .limits(.never),
            "displaylimits": .limits(.displayOnly),
        ]) { _, row in row }
        for name in ["over", "atop", "choose", "brace", "brack", "above"] { table[name] = .over(name) }
        for (name, (style, display)) in styleSwitches { table[name] = .style(style, display) }
        for (name, font) in fontSwitches { table[name] = .font(font) }
        for (name, size) in sizeSwitches { table[name] = .size(size) }
        table["hline"] = .horizontalLine
        table["hdashline"] = .horizontalLine
        return table
    }()

    /// `\displaystyle` and friends: the `<mstyle>` for the rest of the group and the new display flag.
    static let styleSwitches: [String: (MathStyle, Bool)] = [
        "displaystyle": (MathStyle(displayStyle: true, scriptLevel: 0), true),
        "textstyle": (MathStyle(displayStyle: false, scriptLevel: 0), false),
        "scriptstyle": (MathStyle(displayStyle: false, scriptLevel: 1), false),
        "scriptscriptstyle": (MathStyle(displayStyle: false, scriptLevel: 2), false),
    ]

    /// Size switches, relative to the text around the formula (LaTeX's sizes at 10 pt).
    static let sizeSwitches: [String: Double] = [
        "tiny": 0.5, "sixptsize": 0.6, "scriptsize": 0.7, "footnotesize": 0.8, "small": 0.9,
        "normalsize": 1, "large": 1.2, "Large": 1.44, "LARGE": 1.728, "huge": 2.074, "Huge": 2.488,
    ]

    static func formatPercent(_ ratio: Double) -> String {
        var text = String((ratio * 1000).rounded() / 10)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "%"
    }

    /// Old-style font switches, which last to the end of the group.
    static let fontSwitches: [String: MathFont] = [
        "rm": .upright, "bf": .bold, "it": .italic, "cal": .script, "sf": .sansSerif, "tt": .monospace,
        "mit": .automatic,
    ]
}
