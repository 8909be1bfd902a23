extension TeXParser {
    /// Commands with structure (arguments, environments, spacing). Unknown commands become a
    /// visible `<merror>` and a diagnostic; their arguments, if any, are rendered as groups after it.
    mutating func parseCommand(_ name: String, at located: TeXLexer.Located) -> Atom {
        let offset = located.start
        let command = "\\" + name
        // Spaces and accents first: they are common, and a hashed lookup beats walking the switch.
        if let spaceWidth = Self.spaces[name] {
            return Atom(node: .space(width: spaceWidth))
        }
        if let accent = Self.accents[name] {
            let base = parseArgument(for: command, at: offset)
            return Atom(node: .underOver(base, under: nil, over: .op(MathOperator(accent.0, stretchy: accent.1)),
                                         accent: true, accentUnder: false))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
            return Atom(node: parseFraction(name, at: offset))
        case "sqrt":
            if let indexRange = lexer.readRawOptional() {
                var indexParser = TeXParser(bytes: UnsafeBufferPointer(rebasing: lexer.bytes[indexRange]), display: false)
                indexParser.depth = depth + 1
                let index = indexParser.parseFormula()
                report(indexParser.allDiagnostics, from: indexRange)
                return Atom(node: .root(parseArgument(for: command, at: offset), index: index))
            }
            return Atom(node: .squareRoot(parseArgument(for: command, at: offset)))
        case "left":
            return Atom(node: parseLeftRight(at: offset))
        case "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl",
             "bigr", "Bigr", "biggr", "Biggr", "bigm", "Bigm", "biggm", "Biggm":
            let size: MathLength = name.hasPrefix("bigg") ? .bigg : name.hasPrefix("Bigg") ? .Bigg
                : name.hasPrefix("Big") ? .Big : .big
            let form: MathOperator.Form? = name.hasSuffix("l") ? .prefix : name.hasSuffix("r") ? .postfix : nil
            return Atom(node: parseSizedDelimiter(command: name, at: offset, size: size, form: form))
        case "begin":
            return Atom(node: parseEnvironment(at: offset))
        case "substack":
            return Atom(node: parseSubstack(at: offset))
        case "text", "textrm", "textnormal", "textup", "mbox", "hbox", "textmd":
            return Atom(node: parseText(command, at: offset, font: .upright))
        case "textbf":
            return Atom(node: parseText(command, at: offset, font: .bold))
        case "textit", "emph", "textsl":
            return Atom(node: parseText(command, at: offset, font: .italic))
        case "textsf":
            return Atom(node: parseText(command, at: offset, font: .sansSerif))
        case "texttt":
            return Atom(node: parseText(command, at: offset, font: .monospace))
        case "operatorname", "mathop":
            var limits = name == "mathop"
            if lexer.peekRawByte(skippingSpaces: false) == UInt8(ascii: "*") {
                lexer.consumeRawByte(skippingSpaces: false)
                limits = true
            }
            let argument = parseArgument(for: command, at: offset, font: .upright)
            if let text = Self.plainText(of: argument) {
                return Atom(node: .operatorName(text, limits: limits), limits: limits ? .displayOnly : .never)
            }
            return Atom(node: argument, limits: limits ? .displayOnly : .never)
        case "mathrm", "mathup":
            return Atom(node: parseArgument(for: command, at: offset, font: .upright))
        case "mathnormal":
            return Atom(node: parseArgument(for: command, at: offset, font: .automatic))
        case "mathit":
            return Atom(node: parseArgument(for: command, at: offset, font: .italic))
        case "mathbf", "bold", "mathbfup":
            return Atom(node: parseArgument(for: command, at: offset, font: .bold))
        case "boldsymbol", "bm", "pmb", "mathbfit":
            return Atom(node: parseArgument(for: command, at: offset, font: .boldItalic))
        case "mathbb", "Bbb":
            return Atom(node: parseArgument(for: command, at: offset, font: .doubleStruck))
        case "mathcal", "mathscr":
            return Atom(node: parseArgument(for: command, at: offset, font: .script))
        case "mathfrak", "frak":
            return Atom(node: parseArgument(for: command, at: offset, font: .fraktur))
        case "mathsf", "mathsfup":
            return Atom(node: parseArgument(for: command, at: offset, font: .sansSerif))
        case "mathtt":
            return Atom(node: parseArgument(for: command, at: offset, font: .monospace))
        case "xrightarrow", "xleftarrow", "xleftrightarrow", "xRightarrow", "xLeftarrow", "xmapsto":
            let arrow = ["xrightarrow": "→", "xleftarrow": "←", "xleftrightarrow": "↔", "xRightarrow": "⇒",
                         "xLeftarrow": "⇐", "xmapsto": "↦"][name] ?? "→"
            var below: MathNode? = nil
            if let range = lexer.readRawOptional() {
                var belowParser = TeXParser(bytes: UnsafeBufferPointer(rebasing: lexer.bytes[range]), display: false)
                belowParser.depth = depth + 1
                below = belowParser.parseFormula()
                report(belowParser.allDiagnostics, from: range)
            }
            let above = parseArgument(for: command, at: offset)
            let op = MathNode.op(MathOperator(arrow, stretchy: true, lspace: .thick, rspace: .thick))
            return Atom(node: .underOver(op, under: below, over: above, accent: false, accentUnder: false))
        case "overset", "underset", "stackrel":
            let annotation = parseArgument(for: command, at: offset)
            let base = parseArgument(for: command, at: offset)
            let node: MathNode = name == "underset"
                ? .underOver(base, under: annotation, over: nil, accent: false, accentUnder: false)
                : .underOver(base, under: nil, over: annotation, accent: false, accentUnder: false)
            return Atom(node: node)
        case "overbrace", "underbrace":
            let base = parseArgument(for: command, at: offset)
            let brace = MathNode.op(MathOperator(name == "overbrace" ? "⏞" : "⏟", stretchy: true))
            let node: MathNode = name == "overbrace"
                ? .underOver(base, under: nil, over: brace, accent: false, accentUnder: false)
                : .underOver(base, under: brace, over: nil, accent: false, accentUnder: false)
            return Atom(node: node, limits: .always)
        case "underline", "underbar":
            // U+0332 is the low line math fonts give horizontal variants; `_` does not stretch.
            let base = parseArgument(for: command, at: offset)
            return Atom(node: .underOver(base, under: .op(MathOperator("\u{332}", stretchy: true)), over: nil,
                                         accent: false, accentUnder: true))
        case "overline":
            // Math fonts rarely stretch an overline character; a border always spans the base.
            return Atom(node: .styled(Self.overlineStyle, parseArgument(for: command, at: offset)))
        case "boxed", "fbox":
            return Atom(node: .styled(Self.boxedStyle, parseArgument(for: command, at: offset)))
        case "phantom", "hphantom", "vphantom":
            return Atom(node: .phantom(parseArgument(for: command, at: offset)))
        case "textcolor":
            let color = readColor(for: command, at: offset)
            let argument = parseArgument(for: command, at: offset)
            return Atom(node: color.map { .style(MathStyle(color: $0), argument) } ?? argument)
        case "not":
            return Atom(node: parseNegation(at: offset))
        case "pmod", "pod":
            let argument = parseArgument(for: command, at: offset)
            var nodes: [MathNode] = [.space(width: name == "pmod" ? "1em" : "0.4444em"),
                                     .op(MathOperator("(", stretchy: false))]
            if name == "pmod" { nodes += [.operatorName("mod", limits: false), .space(width: "0.3333em")] }
            nodes += [argument, .op(MathOperator(")", stretchy: false))]
            return Atom(node: .row(nodes))
        case "bmod":
            return Atom(node: .op(MathOperator("mod", lspace: .medium, rspace: .medium)))
        case "mod":
            return Atom(node: .row([.space(width: "1em"), .operatorName("mod", limits: false), .space(width: "0.3333em")]))
        case "mathbin", "mathrel", "mathpunct", "mathord", "mathopen", "mathclose", "mathinner":
            return Atom(node: classed(name, parseArgument(for: command, at: offset)))
        case "hspace", "hspace*", "mspace":
            guard let dimension = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            return Atom(node: space(dimension, command: command, at: offset))
        case "kern", "mkern", "mskip", "hskip":
            return Atom(node: space(readInlineDimension(), command: command, at: offset))
        case "tag", "tag*":
            guard let label = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            return Atom(node: .row([.space(width: "2em"), .text(name == "tag" ? "(\(label))" : label)]))
        case "label":
            _ = readRawArgument(for: command, at: offset)
            return Atom(node: .row([]))
        case "nonumber", "notag", "displaybreak", "allowbreak", "nobreak", "relax", "strut", "mathstrut":
            return Atom(node: .row([]))
        default:
            report(name.isEmpty ? "a lone \\ at the end of the formula" : "unknown command \\\(name)", at: offset,
                   to: located.end)
            return Atom(node: .error(lexer.text(located.start..<located.end)))
        }
    }

    // MARK: Fractions

    private mutating func parseFraction(_ name: String, at offset: Int) -> MathNode {
        let command = "\\" + name
        let savedDisplayStyle = displayStyle
        // Numerators and denominators are one style smaller: display → text, text → script.
        displayStyle = name == "dfrac" || name == "dbinom" || name == "cfrac"
        let numerator = parseArgument(for: command, at: offset)
        let denominator = parseArgument(for: command, at: offset)
        displayStyle = savedDisplayStyle
        let style: Bool? = switch name {
        case "dfrac", "dbinom", "cfrac": true
        case "tfrac", "tbinom": false
        default: nil
        }
        let isBinomial = name.hasSuffix("binom")
        let fraction = MathNode.fraction(numerator, denominator, lineThickness: isBinomial ? "0" : nil,
                                         displayStyle: style)
        guard isBinomial else { return fraction }
        // TeX's text-style binomial has text-size brackets around the script-size stack; a
        // stretched bracket would take a wide size variant and stand off from it. In display
        // style the brackets grow to the stack.
        let grows = style ?? savedDisplayStyle
        return .row([.op(MathOperator("(", form: .prefix, fence: true, stretchy: grows)), fraction,
                     .op(MathOperator(")", form: .postfix, fence: true, stretchy: grows))])
    }

    // MARK: Text

    /// `\text{…}`: verbatim text with TeX's escapes; edge spaces kept as no-break spaces.
    private mutating func parseText(_ command: String, at offset: Int, font textFont: MathFont) -> MathNode {
        guard let (range, closed) = lexer.readRawGroup() else {
            // `\text x`: a single token.
            let located = lexer.next()
            if located.token == .end {
                report("missing argument for \(command)", at: offset)
                return .row([])
            }
            return .text(lexer.text(located.start..<located.end))
        }
        if !closed { report("missing } for the argument of \(command)", at: offset) }
        var parts: [MathNode] = []
        var text = ""
        let bytes = lexer.bytes
        var index = range.lowerBound
        var previousWasSpace = false
        func flushText() {
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound {
                let next = bytes[index + 1]
                if isASCIILetter(next) {
                    var end = index + 1
                    while end < range.upperBound && isASCIILetter(bytes[end]) { end += 1 }
                    let name = lexer.text((index + 1)..<end)
                    if let replacement = Self.textCommands[name] {
                        text += replacement
                    } else {
                        report("unknown command \\\(name) in text", at: index)
                        flushText()
                        parts.append(.error(lexer.text(index..<end)))
                    }
                    index = end
                    while index < range.upperBound && bytes[index] == UInt8(ascii: " ") { index += 1 }
                } else {
                    switch next {
                    case UInt8(ascii: ","): text += "\u{2009}"
                    case UInt8(ascii: " "), UInt8(ascii: ";"), UInt8(ascii: ":"): text += " "
                    case UInt8(ascii: "\\"): text += " "
                    default: text.unicodeScalars.append(Unicode.Scalar(next))
                    }
                    index += 2
                }
                previousWasSpace = false
                continue
            }
            if isWhitespace(byte) || byte == UInt8(ascii: "~") {
                if byte == UInt8(ascii: "~") {
                    text += "\u{A0}"
                } else if !previousWasSpace {
                    text += " "
                }
                previousWasSpace = byte != UInt8(ascii: "~")
                index += 1
                continue
            }
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                index += 1
                continue
            }
            previousWasSpace = false
            let (scalar, length) = lexer.decodeScalar(at: index)
            if textFont != .upright, scalar.value < 0x80, isASCIILetter(UInt8(scalar.value)) {
                text += textFont.identifier(scalar).text
            } else if textFont != .upright, ("0"..."9").contains(scalar) {
                text += textFont.number(String(Character(scalar)))
            } else {
                text.unicodeScalars.append(scalar)
            }
            index += length
        }
        flushText()
        // Edge spaces collapse away in layout; keep them as no-break spaces.
        if case .text(let first)? = parts.first, first.hasPrefix(" ") {
            parts[0] = .text("\u{A0}" + first.dropFirst())
        }
        if case .text(let last)? = parts.last, last.hasSuffix(" ") {
            parts[parts.count - 1] = .text(last.dropLast() + "\u{A0}")
        }
        return .wrap(parts)
    }

    static let textCommands: [String: String] = [
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|",
        "textless": "<", "textgreater": ">", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
        "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "S": "§", "P": "¶", "copyright": "©", "ss": "ß",
        "dag": "†", "ddag": "‡", "textdegree": "°", "AA": "Å", "aa": "å", "o": "ø", "O": "Ø", "ae": "æ",
        // Nested text commands: their braces are dropped, the words stay.
        "text": "", "textrm": "", "textnormal": "", "mbox": "", "textup": "", "textmd": "",
    ]

    /// The text of a node made only of letters, digits, text and spaces (for `\operatorname`).
    static func plainText(of node: MathNode) -> String? {
        var text = ""
        for child in node.rowChildren {
            switch child {
            case .identifier(let part, _), .number(let part), .text(let part): text += part
            case .space: text += " "
            case .op(let op) where op.text == "−" || op.text == "∗" || op.text == "." || op.text == "′": text += op.text
            default: return nil
            }
        }
        return text.isEmpty ? nil : text
    }

    // MARK: Negation and classes

    private mutating func parseNegation(at offset: Int) -> MathNode {
        let located = lexer.peek()
        if located.token == .end || located.token == .character("}") {
            report("\\not needs a symbol to negate", at: offset)
            return .error("\\not")
        }
        // `\not\not\not…` recurses: each level counts against the nesting limit.
        defer { leave() }
        if let error = enter(at: located.start) { return error }
        let negated = parseAtom(single: true).node
        guard case .op(var op) = negated else {
            return .row([.op(MathOperator("̸", lspace: .zero, rspace: .zero)), negated])
        }
        op.text = Self.negations[op.text] ?? (op.text + "\u{338}")
        return .op(op)
    }

    static let negations: [String: String] = [
        "=": "≠", "∈": "∉", "≡": "≢", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≈": "≉", "≅": "≇",
        "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∣": "∤", "∥": "∦", "≃": "≄", "∋": "∌", "→": "↛", "←": "↚",
        "⇒": "⇏", "⇔": "⇎", "↔": "↮", "⊢": "⊬", "⊨": "⊭", "≺": "⊀", "≻": "⊁",
    ]

    /// `\mathrel{…}` and friends: the content with the spacing of that class.
    private func classed(_ name: String, _ content: MathNode) -> MathNode {
        let (left, right): (MathLength, MathLength) = switch name {
        case "mathbin": (.medium, .medium)
        case "mathrel": (.thick, .thick)
        case "mathpunct": (.zero, .thin)
        default: (.zero, .zero)
        }
        if case .op(var op) = content {
            op.lspace = left
            op.rspace = right
            return .op(op)
        }
        guard left != .zero || right != .zero else { return content }
        return .row([.space(width: left.css), content, .space(width: right.css)])
    }

    // MARK: Spacing

    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em", "negthinspace": "-0.1667em",
        "negmedspace": "-0.2222em", "negthickspace": "-0.2778em", " ": "0.3333em", "\t": "0.3333em",
        "\n": "0.3333em", "enspace": "0.5em", "quad": "1em", "qquad": "2em",
    ]

    /// Reads a TeX dimension written inline after `\kern`/`\mkern` (`3mu`, `-0.5em`).
    private mutating func readInlineDimension() -> String {
        var text = ""
        while let byte = lexer.peekRawByte(skippingSpaces: text.isEmpty),
              decimalDigit(byte) != nil || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            text.unicodeScalars.append(Unicode.Scalar(byte))
            lexer.consumeRawByte(skippingSpaces: text.count == 1)
        }
        var unit = ""
        while unit.count < 2, let byte = lexer.peekRawByte(skippingSpaces: unit.isEmpty), isASCIILetter(byte) {
            unit.unicodeScalars.append(Unicode.Scalar(byte))
            lexer.consumeRawByte(skippingSpaces: unit.count == 1)
        }
        return text + unit
    }

    /// An `<mspace>` for a TeX dimension; `mu` (1/18 em) is converted, CSS units pass through.
    private mutating func space(_ dimension: String, command: String, at offset: Int) -> MathNode {
        let trimmed = dimension.trimmingSpaces
        var number = ""
        var unit = ""
        for scalar in trimmed.unicodeScalars {
            if unit.isEmpty && (("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "+") {
                number.unicodeScalars.append(scalar)
            } else if scalar != " " {
                unit.unicodeScalars.append(scalar)
            }
        }
        guard let value = Double(number), ["em", "ex", "pt", "px", "mm", "cm", "in", "mu", "pc", "bp"].contains(unit) else {
            report("\(command): cannot read the dimension \"\(dimension)\"", at: offset)
            return .error(command + "{" + dimension + "}")
        }
        switch unit {
        case "mu": return .space(width: Self.formatEm(value / 18))
        case "bp": return .space(width: (number.hasPrefix("+") ? String(number.dropFirst()) : number) + "pt")
        default: return .space(width: (number.hasPrefix("+") ? String(number.dropFirst()) : number) + unit)
        }
    }

    static func formatEm(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "em"
    }
}

extension TeXParser {
    static let overlineStyle = "border-top:0.06em solid;padding-top:0.12em"
    static let boxedStyle = "border:0.06em solid;padding:0.2em"

    /// Accent commands: the accent character and whether it stretches over its base.
    ///
    /// Fixed accents are spacing modifier letters (ˆ ˜ ˇ ¯), which a math font draws above
    /// x-height, so they clear the letter (an ASCII `~` or `^` sits at mid-height and collides;
    /// a combining mark has no advance and lands left of the letter). Wide accents are
    /// characters Chromium stretches horizontally, the same ˆ ˜ ˇ: the bundled font gives them
    /// size variants (see Sources/CNBMathFont/README.md); with another font they stay one size,
    /// centred. `\vec` is U+20D7, stretched to its (one-letter) base.
    static let accents: [String: (String, Bool)] = [
        "hat": ("ˆ", false), "widehat": ("ˆ", true), "check": ("ˇ", false), "widecheck": ("ˇ", true),
        "tilde": ("˜", false), "widetilde": ("˜", true), "bar": ("¯", false),
        "vec": ("\u{20D7}", true), "overrightarrow": ("→", true), "overleftarrow": ("←", true),
        "overleftrightarrow": ("↔", true), "dot": ("˙", false), "ddot": ("¨", false), "dddot": ("⃛", false),
        "acute": ("´", false), "grave": ("`", false), "breve": ("˘", false), "mathring": ("˚", false),
    ]
}
