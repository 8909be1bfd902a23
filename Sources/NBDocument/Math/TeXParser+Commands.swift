extension TeXParser {
    /// Commands with structure (arguments, environments, spacing). Unknown commands become a
    /// visible `<merror>` and a diagnostic; their arguments, if any, are rendered as groups after it.
    mutating func parseCommand(_ name: String, at located: TeXLexer.Located) -> Atom {
        let offset = located.start
        let command = "\\" + name
        // Spaces and accents first: they are common, and one hashed lookup beats walking the switch.
        switch Self.spacesAndAccents[name] {
        case .space(let width)?:
            return Atom(node: .space(width: width))
        case .accent(let mark, let stretchy)?:
            let base = parseArgument(for: command, at: offset)
            return Atom(node: .underOver(base, under: nil, over: .op(MathOperator(mark, stretchy: stretchy)),
                                         accent: true, accentUnder: false))
        case .underAccent(let mark, let stretchy)?:
            let base = parseArgument(for: command, at: offset)
            return Atom(node: .underOver(base, under: .op(MathOperator(mark, stretchy: stretchy)), over: nil,
                                         accent: false, accentUnder: true))
        case nil:
            break
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
        case _ where Self.extensibleArrows[name] != nil:
            let arrow = Self.extensibleArrows[name] ?? "→"
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
        case "hspace", "mspace":
            _ = consumeStar()
            guard let dimension = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            return Atom(node: space(dimension, command: command, at: offset))
        case "kern", "mkern", "mskip", "hskip":
            if lexer.peekRawByte() == UInt8(ascii: "{") {
                guard let dimension = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
                return Atom(node: space(dimension, command: command, at: offset))
            }
            return Atom(node: space(readInlineDimension(), command: command, at: offset))
        case "tag":
            let starred = consumeStar()
            guard let label = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            if pendingTag != nil { report("more than one \\tag for one equation", at: offset) }
            pendingTag = (label.trimmingSpaces, starred)
            return Atom(node: .row([]))
        case "label":
            guard let label = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            if pendingLabel != nil { report("more than one \\label for one equation", at: offset) }
            pendingLabel = (MathPageContext.anchor(label), offset)
            return Atom(node: .row([]))
        case "eqref", "ref":
            guard let label = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            let anchor = MathPageContext.anchor(label)
            return Atom(node: .reference(anchor: anchor, marker: MathPageContext.referenceMarker(anchor, parenthesized: name == "eqref")))
        case "nonumber", "notag":
            pendingNoNumber = true
            return Atom(node: .row([]))
        case "raisebox":
            guard let dimension = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            let content = parseText(command, at: offset, font: .upright)
            guard let length = Self.cssLength(dimension) else {
                report("\\raisebox: cannot read the dimension \"\(dimension)\"", at: offset)
                return Atom(node: content)
            }
            let lowered = length.hasPrefix("-") ? String(length.dropFirst()) : "-" + length
            return Atom(node: .styled("position:relative;top:" + lowered, content))
        case "smash", "vcenter":
            _ = lexer.readRawOptional()
            return Atom(node: parseArgument(for: command, at: offset))
        case "llap", "rlap", "clap":
            let content = parseArgument(for: command, at: offset)
            let shift = name == "llap" ? "-100%" : name == "clap" ? "-50%" : "0"
            // Zero width; the content is moved left by its own width (or half of it) with a transform.
            return Atom(node: .padded(width: "0", name == "rlap" ? content : .styled("transform:translateX(\(shift))", content)))
        case "cancel", "bcancel", "xcancel", "sout":
            return Atom(node: .styled(Self.strikeStyles[name] ?? "", parseArgument(for: command, at: offset)))
        case "colorbox", "fcolorbox":
            let border = name == "fcolorbox" ? readColor(for: command, at: offset) : nil
            let background = readColor(for: command, at: offset)
            let content = parseText(command, at: offset, font: .upright)
            var style = "padding:0.1em 0.2em"
            if let background { style += ";background:" + background }
            if let border { style += ";border:0.06em solid " + border }
            return Atom(node: .styled(style, content))
        case "angl":
            return Atom(node: .styled("border-top:0.06em solid;border-right:0.06em solid;padding:0.1em 0.1em 0 0.05em",
                                      parseArgument(for: command, at: offset)))
        case "phase":
            return Atom(node: .styled("border-bottom:0.06em solid;border-left:0.06em solid;padding:0 0.1em 0.05em 0.3em",
                                      parseArgument(for: command, at: offset)))
        case "rule":
            let raise = lexer.readRawOptional().map { lexer.text($0) }.flatMap(Self.cssLength) ?? "0"
            let width = readRawArgument(for: command, at: offset).flatMap(Self.cssLength) ?? "0"
            let height = readRawArgument(for: command, at: offset).flatMap(Self.cssLength) ?? "0"
            return Atom(node: .styled("display:inline-block;background:currentColor;width:\(width);height:\(height);vertical-align:\(raise)",
                                      .row([])))
        case "genfrac":
            return Atom(node: parseGeneralizedFraction(at: offset))
        case "mathchoice":
            let choices = (0..<4).map { _ in parseArgument(for: command, at: offset) }
            return Atom(node: displayStyle ? choices[0] : choices[1])
        case "char":
            return Atom(node: readCharacterCode(at: offset))
        case "href", "htmlClass", "htmlId", "htmlStyle", "htmlData":
            // No links or attributes inside a formula: the content is shown.
            _ = readRawArgument(for: command, at: offset)
            return Atom(node: parseArgument(for: command, at: offset))
        case "url":
            guard let url = readRawArgument(for: command, at: offset) else { return Atom(node: .row([])) }
            return Atom(node: .text(url))
        case "verb":
            return Atom(node: readVerbatim(at: offset))
        case "\u{FFFF}" where expansionFailure != nil:
            return Atom(node: .error(expansionFailure ?? ""))
        case "displaybreak", "allowbreak", "nobreak", "relax", "strut", "mathstrut", "global",
             "begingroup", "endgroup":
            return Atom(node: .row([]))
        default:
            report(name.isEmpty ? "a lone \\ at the end of the formula" : "unknown command \\\(name)", at: offset,
                   to: located.end)
            return Atom(node: .error(lexer.text(located.start..<located.end)))
        }
    }

    /// Consumes a `*` right after the command name (`\\tag*`, `\\hspace*`).
    mutating func consumeStar() -> Bool {
        guard lexer.peekRawByte(skippingSpaces: false) == UInt8(ascii: "*") else { return false }
        lexer.consumeRawByte(skippingSpaces: false)
        return true
    }

    static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xleftrightarrow": "↔", "xRightarrow": "⇒", "xLeftarrow": "⇐",
        "xmapsto": "↦", "xhookleftarrow": "↩", "xhookrightarrow": "↪", "xleftharpoondown": "↽",
        "xleftharpoonup": "↼", "xLeftrightarrow": "⇔", "xleftrightharpoons": "⇋", "xrightharpoondown": "⇁",
        "xrightharpoonup": "⇀", "xrightleftharpoons": "⇌", "xtofrom": "⇄", "xtwoheadleftarrow": "↞",
        "xtwoheadrightarrow": "↠", "xlongequal": "=", "xrightleftarrows": "⇄",
    ]

    /// MathML Core has no `<menclose>`: strikes are drawn as a one-line gradient behind the content.
    static let strikeStyles: [String: String] = {
        func line(_ direction: String) -> String {
            "linear-gradient(\(direction),transparent calc(50% - 0.05em),currentColor calc(50% - 0.04em),currentColor calc(50% + 0.04em),transparent calc(50% + 0.05em))"
        }
        return [
            "cancel": "background:" + line("to top left"), "bcancel": "background:" + line("to top right"),
            "xcancel": "background:" + line("to top left") + "," + line("to top right"),
            "sout": "background:" + line("to bottom"),
        ]
    }()

    /// A TeX dimension as a CSS length (`2pt`, `-.5ex`, `3mu`), or nil.
    static func cssLength(_ dimension: String) -> String? {
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
        guard let value = Double(number), ["em", "ex", "pt", "px", "mm", "cm", "in", "mu", "pc", "bp"].contains(unit) else { return nil }
        if unit == "mu" { return formatEm(value / 18) }
        let css = unit == "bp" ? "pt" : unit
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + css
    }

    /// `\\genfrac(]{2pt}{0}{a}{b}`: delimiters, rule thickness, style (0 display … 3 script-script).
    private mutating func parseGeneralizedFraction(at offset: Int) -> MathNode {
        let open = readDelimiterArgument()
        let close = readDelimiterArgument()
        let thickness = readRawArgument(for: "\\genfrac", at: offset)?.trimmingSpaces ?? ""
        let style = readRawArgument(for: "\\genfrac", at: offset)?.trimmingSpaces ?? ""
        let savedDisplayStyle = displayStyle
        displayStyle = style == "0"
        let numerator = parseArgument(for: "\\genfrac", at: offset)
        let denominator = parseArgument(for: "\\genfrac", at: offset)
        displayStyle = savedDisplayStyle
        let fraction = MathNode.fraction(numerator, denominator, lineThickness: thickness.isEmpty ? nil : Self.cssLength(thickness) ?? "0",
                                         displayStyle: style == "0" ? true : style.isEmpty ? nil : false)
        var nodes: [MathNode] = []
        if !open.isEmpty { nodes.append(.op(MathOperator(open, form: .prefix, fence: true, stretchy: true))) }
        nodes.append(fraction)
        if !close.isEmpty { nodes.append(.op(MathOperator(close, form: .postfix, fence: true, stretchy: true))) }
        return .wrap(nodes)
    }

    /// A delimiter given as an argument: `(`, `{(}`, `\\langle`, `{}` (none).
    private mutating func readDelimiterArgument() -> String {
        if lexer.peekRawByte() == UInt8(ascii: "{") {
            let range = lexer.readRawGroup()?.content ?? 0..<0
            var inner = TeXLexer(bytes: UnsafeBufferPointer(rebasing: lexer.bytes[range]))
            return MathSymbols.delimiter(for: inner.next().token) ?? ""
        }
        let token = lexer.next().token
        return MathSymbols.delimiter(for: token) ?? ""
    }

    /// `\\char"263A`, `\\char'777`, `\\char65`: the character with that code.
    private mutating func readCharacterCode(at offset: Int) -> MathNode {
        var radix = 10
        if let byte = lexer.peekRawByte(), byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            radix = byte == UInt8(ascii: "\"") ? 16 : 8
            lexer.consumeRawByte()
        }
        var digits = ""
        while let byte = lexer.peekRawByte(skippingSpaces: digits.isEmpty), digits.count < 8,
              let digit = Int(String(UnicodeScalar(byte)), radix: radix), digit >= 0 {
            digits.unicodeScalars.append(UnicodeScalar(byte))
            lexer.consumeRawByte(skippingSpaces: digits.count == 1)
        }
        guard let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code), code >= 0x20 else {
            report("\\char needs a character code, as in \\char\"263A", at: offset)
            return .error("\\char" + digits)
        }
        return .identifier(String(Character(scalar)), upright: true)
    }

    /// `\\verb|…|`: the text between two equal delimiters, in monospace.
    private mutating func readVerbatim(at offset: Int) -> MathNode {
        guard let delimiter = lexer.peekRawByte(skippingSpaces: false), !isASCIILetter(delimiter), delimiter != UInt8(ascii: " ") else {
            report("\\verb needs a delimiter, as in \\verb|x|", at: offset)
            return .error("\\verb")
        }
        lexer.consumeRawByte(skippingSpaces: false)
        var bytes: [UInt8] = []
        while let byte = lexer.peekRawByte(skippingSpaces: false), byte != delimiter {
            bytes.append(byte)
            lexer.consumeRawByte(skippingSpaces: false)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard lexer.peekRawByte(skippingSpaces: false) == delimiter else {
            report("\\verb: no closing \(Character(UnicodeScalar(delimiter)))", at: offset)
            return .error("\\verb" + text)
        }
        lexer.consumeRawByte(skippingSpaces: false)
        var styled = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80, isASCIILetter(UInt8(scalar.value)) {
                styled += MathFont.monospace.identifier(scalar).text
            } else if ("0"..."9").contains(scalar) {
                styled += MathFont.monospace.number(String(Character(scalar)))
            } else {
                styled.unicodeScalars.append(scalar)
            }
        }
        return .text(styled)
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
        // A text accent (`\\'{e}`, `\\H o`) waits for its character.
        var pendingAccent: String? = nil
        var noMathCloser = false
        func flushText() {
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if !noMathCloser, byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\"),
               let (content, after) = mathInText(at: index, before: range.upperBound, noCloser: &noMathCloser) {
                // `\text{if $x > 0$}`: math inside text.
                flushText()
                defer { leave() }
                if let error = enter(at: index) { return error }
                var inner = TeXParser(bytes: UnsafeBufferPointer(rebasing: bytes[content]), display: false)
                inner.depth = depth
                parts.append(inner.parseFormula())
                report(inner.allDiagnostics, from: content)
                index = after
                previousWasSpace = false
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < range.upperBound {
                let next = bytes[index + 1]
                if isASCIILetter(next) {
                    var end = index + 1
                    while end < range.upperBound && isASCIILetter(bytes[end]) { end += 1 }
                    let name = lexer.text((index + 1)..<end)
                    if let mark = Self.textAccents[name] {
                        pendingAccent = mark
                        index = end
                        while index < range.upperBound && bytes[index] == UInt8(ascii: " ") { index += 1 }
                        continue
                    }
                    if let replacement = Self.textCommands[name] {
                        text += replacement
                    } else {
                        report("unknown command \\\(name) in text", at: index)
                        flushText()
                        parts.append(.error(lexer.text(index..<end)))
                    }
                    index = end
                    while index < range.upperBound && bytes[index] == UInt8(ascii: " ") { index += 1 }
                } else if let mark = Self.textAccents[String(UnicodeScalar(next))] {
                    pendingAccent = mark
                    index += 2
                    continue
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
            if let mark = pendingAccent {
                text += mark
                pendingAccent = nil
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

    /// `$…$` or `\\(…\\)` starting at `index` inside text: the formula's bytes and where it ends.
    /// A search that fails sets `noCloser`: later ones would fail too (it keeps the text linear).
    private func mathInText(at index: Int, before end: Int, noCloser: inout Bool) -> (Range<Int>, Int)? {
        let bytes = lexer.bytes
        let isDollar = bytes[index] == UInt8(ascii: "$")
        guard isDollar || (bytes[index] == UInt8(ascii: "\\") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "(")) else {
            return nil
        }
        var position = index + (isDollar ? 1 : 2)
        let start = position
        while position < end {
            if isDollar && bytes[position] == UInt8(ascii: "$") { return (start..<position, position + 1) }
            if bytes[position] == UInt8(ascii: "\\"), position + 1 < end {
                if !isDollar && bytes[position + 1] == UInt8(ascii: ")") { return (start..<position, position + 2) }
                position += 2
                continue
            }
            position += 1
        }
        noCloser = true
        return nil
    }

    static let textCommands: [String: String] = [
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|",
        "textless": "<", "textgreater": ">", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
        "quad": "\u{2003}", "qquad": "\u{2003}\u{2003}", "S": "§", "P": "¶", "copyright": "©", "ss": "ß",
        "dag": "†", "ddag": "‡", "textdegree": "°", "AA": "Å", "aa": "å", "o": "ø", "O": "Ø", "ae": "æ",
        "textdollar": "$", "textunderscore": "_", "textbraceleft": "{", "textbraceright": "}", "textbardbl": "‖",
        "textdagger": "†", "textdaggerdbl": "‡", "textellipsis": "…", "textquoteleft": "‘", "textquoteright": "’",
        "textquotedblleft": "“", "textquotedblright": "”", "textregistered": "®", "textsterling": "£",
        "textcopyright": "©", "i": "ı", "j": "ȷ", "oe": "œ", "OE": "Œ", "AE": "Æ", "L": "Ł", "l": "ł",
        "pounds": "£", "yen": "¥", "textyen": "¥", "lq": "‘", "rq": "’", "space": " ", "nobreakspace": "\u{A0}",
        "TeX": "TeX", "LaTeX": "LaTeX", "KaTeX": "KaTeX", "textcircled": "", "textvisiblespace": "␣",
        // Nested text commands and size switches: their braces are dropped, the words stay.
        "text": "", "textrm": "", "textnormal": "", "mbox": "", "textup": "", "textmd": "", "textbf": "",
        "textit": "", "emph": "", "textsf": "", "texttt": "", "textsl": "", "tiny": "", "scriptsize": "",
        "footnotesize": "", "small": "", "normalsize": "", "large": "", "Large": "", "LARGE": "", "huge": "",
        "Huge": "", "sixptsize": "", "rm": "", "bf": "", "it": "", "sf": "", "tt": "", "bfseries": "",
        "itshape": "", "rmfamily": "", "sffamily": "", "ttfamily": "", "normalfont": "", "mdseries": "",
        "upshape": "", "slshape": "", "scshape": "", "textsc": "", "sout": "", "sect": "§",
    ]

    /// Text accents: the combining mark each puts on the next character.
    static let textAccents: [String: String] = [
        "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "\"": "\u{308}", "~": "\u{303}", "=": "\u{304}",
        ".": "\u{307}", "H": "\u{30B}", "r": "\u{30A}", "u": "\u{306}", "v": "\u{30C}", "c": "\u{327}",
        "d": "\u{323}", "b": "\u{331}", "k": "\u{328}", "t": "\u{361}",
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
        guard let width = Self.cssLength(dimension) else {
            report("\(command): cannot read the dimension \"\(dimension)\"", at: offset)
            return .error(command + "{" + dimension + "}")
        }
        return .space(width: width)
    }

    static func formatEm(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "em"
    }
}

extension TeXParser {
    /// A command that is a space or an accent (``spaces``, ``accents``, ``underAccents``).
    enum SpaceOrAccent {
        case space(String)
        case accent(String, stretchy: Bool)
        case underAccent(String, stretchy: Bool)
    }

    /// ``spaces``, ``accents`` and ``underAccents`` in one table (their names are distinct).
    static let spacesAndAccents: [String: SpaceOrAccent] = {
        var table: [String: SpaceOrAccent] = [:]
        for (name, (mark, stretchy)) in underAccents { table[name] = .underAccent(mark, stretchy: stretchy) }
        for (name, (mark, stretchy)) in accents { table[name] = .accent(mark, stretchy: stretchy) }
        for (name, width) in spaces { table[name] = .space(width) }
        return table
    }()

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
        "ddddot": ("\u{20DC}", false), "Overrightarrow": ("⇒", true), "overleftharpoon": ("↼", true),
        "overrightharpoon": ("⇀", true), "overlinesegment": ("\u{20E9}", true), "overparen": ("⏜", true),
        "overarc": ("⏜", true),
    ]

    /// Accents set under their base: the character and whether it stretches.
    static let underAccents: [String: (String, Bool)] = [
        "underrightarrow": ("→", true), "underleftarrow": ("←", true), "underleftrightarrow": ("↔", true),
        "utilde": ("~", true), "underlinesegment": ("\u{20E9}", true), "underparen": ("⏝", true),
        "underarc": ("⏝", true),
    ]
}
