extension TeXParser {
    /// Parses the next atom. `single` reads one digit only (TeX script and command arguments).
    /// The caller has checked that the next token is not a row terminator or a script.
    mutating func parseAtom(single: Bool) -> Atom {
        let located = lexer.peek()
        switch located.token {
        case .end:
            return Atom(node: .row([]))
        case .character(let scalar):
            return parseCharacter(scalar, at: located, single: single)
        case .command(let name):
            lexer.next()
            if let symbol = MathSymbols.commands[name] {
                return atom(for: symbol)
            }
            return parseCommand(name, at: located)
        }
    }

    private mutating func parseCharacter(_ scalar: Unicode.Scalar, at located: TeXLexer.Located, single: Bool) -> Atom {
        if scalar == "{" {
            return Atom(node: parseGroup())
        }
        lexer.next()
        let value = scalar.value
        if isASCIILetter(UInt8(truncatingIfNeeded: value)) && value < 0x80 {
            let (text, upright) = font.identifier(scalar)
            return Atom(node: .identifier(text, upright: upright))
        }
        if value >= 0x30 && value <= 0x39 {
            let digits = single ? String(Character(scalar)) : lexer.readNumber(from: located.start)
            return Atom(node: .number(font.number(digits)))
        }
        if value < 0x80 {
            return Atom(node: asciiSymbol(scalar, at: located))
        }
        return Atom(node: unicodeCharacter(scalar))
    }

    private mutating func asciiSymbol(_ scalar: Unicode.Scalar, at located: TeXLexer.Located) -> MathNode {
        switch scalar {
        case "(", ")", "[", "]":
            return .op(MathOperator(String(Character(scalar)), stretchy: false))
        case "|":
            // TeX's `|` is an ordinary symbol: no operator spacing in the middle of a row.
            return .op(MathOperator("|", stretchy: false, lspace: .zero, rspace: .zero))
        case "-":
            return .op(MathOperator("−"))
        case "*":
            return .op(MathOperator("∗"))
        case ".":
            return .op(MathOperator(".", lspace: .zero, rspace: .zero))
        case "/":
            return .op(MathOperator("/", stretchy: false, lspace: .zero, rspace: .zero))
        case "~":
            return .space(width: "0.3333em")
        case "'":
            return .op(MathOperator("′", lspace: .zero, rspace: .zero))
        case "#", "$", "\\":
            report("unexpected \(scalar) in math", at: located.start)
            return .error(String(Character(scalar)))
        case "+", "=", "<", ">", ",", ";", ":", "!", "?", "@", "\"", "`":
            return .op(MathOperator(String(Character(scalar))))
        default:
            // Control characters and the like: shown, not dropped.
            return .identifier(String(Character(scalar)), upright: false)
        }
    }

    /// A non-ASCII character typed directly: letters are identifiers, runs of CJK text are `<mtext>`,
    /// math symbols are operators.
    private mutating func unicodeCharacter(_ scalar: Unicode.Scalar) -> MathNode {
        if Self.isTextScript(scalar) {
            var text = String(Character(scalar))
            while case .character(let next) = lexer.peek().token, Self.isTextScript(next) {
                lexer.next()
                text.unicodeScalars.append(next)
            }
            return .text(text)
        }
        switch scalar.properties.generalCategory {
        case .mathSymbol:
            return .op(MathOperator(String(Character(scalar))))
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter:
            let (text, upright) = font.identifier(scalar)
            return .identifier(text, upright: upright)
        case .openPunctuation:
            return .op(MathOperator(String(Character(scalar)), stretchy: false))
        case .closePunctuation:
            return .op(MathOperator(String(Character(scalar)), stretchy: false))
        default:
            return .identifier(String(Character(scalar)), upright: false)
        }
    }

    /// Scripts whose words belong in text, not in italic identifiers (CJK, Hangul, kana …).
    private static func isTextScript(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x2E80...0x9FFF).contains(value) || (0xAC00...0xD7AF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFFEF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
    }

    mutating func atom(for symbol: MathSymbol) -> Atom {
        switch symbol {
        case .letter(let scalar):
            let (text, upright) = font.identifier(scalar)
            return Atom(node: .identifier(text, upright: upright))
        case .ordinary(let text, let upright):
            if font != .automatic && font != .upright, text == "∇" || text == "∂" {
                let (styled, _) = font.identifier(text == "∇" ? "∇" : "∂")
                return Atom(node: .identifier(styled, upright: false))
            }
            return Atom(node: .identifier(text, upright: upright))
        case .op(let op):
            return Atom(node: .op(op))
        case .fence(let text):
            let isBar = text == "|" || text == "‖"
            return Atom(node: .op(MathOperator(text, stretchy: false, lspace: isBar ? .zero : nil, rspace: isBar ? .zero : nil)))
        case .largeOperator(let text, let limits):
            return Atom(node: .op(MathOperator(text, prefersLimits: limits)), limits: limits ? .displayOnly : .never)
        case .function(let name, let limits):
            return Atom(node: .operatorName(name, limits: limits), limits: limits ? .displayOnly : .never)
        }
    }

    // MARK: Arguments and groups

    /// `{…}`: the group's content (one node, or a row).
    mutating func parseGroup() -> MathNode {
        let open = lexer.next()
        defer { leave() }
        if let error = enter(at: open.start) { return error }
        openGroups += 1
        defer { openGroups -= 1 }
        let (content, stop) = parseRow(.group)
        if stop != .closeBrace && !abandoned {
            report("missing } for the { opened here", at: open.start)
        }
        return content
    }

    /// A command or script argument: a group, or a single token (one digit, one letter, one command
    /// with its own arguments).
    mutating func parseArgument(for command: String, at offset: Int) -> MathNode {
        let located = lexer.peek()
        switch located.token {
        case .character("{"):
            return parseGroup()
        case .end, .character("}"), .character("&"), .character("^"), .character("_"),
             .command("\\"), .command("right"), .command("end"), .command("middle"):
            if !abandoned { report("missing argument for \(command)", at: offset) }
            return .row([])
        default:
            defer { leave() }
            if let error = enter(at: located.start) { return error }
            return parseAtom(single: true).node
        }
    }

    /// An argument parsed in another font (`\mathbf{x}`, `\mathrm{d}`).
    mutating func parseArgument(for command: String, at offset: Int, font newFont: MathFont) -> MathNode {
        let savedFont = font
        font = newFont
        defer { font = savedFont }
        let argument = parseArgument(for: command, at: offset)
        return newFont == .upright ? Self.mergingUprightLetters(argument) : argument
    }

    /// `\mathrm{softmax}` is one identifier, not seven. A run is collected in one buffer, so a long
    /// argument costs linear time (appending to the previous node's text would copy it each time).
    static func mergingUprightLetters(_ node: MathNode) -> MathNode {
        var merged: [MathNode] = []
        var run = ""
        var runLength = 0
        func flushRun() {
            if runLength > 0 { merged.append(.identifier(run, upright: true)) }
            run = ""
            runLength = 0
        }
        for child in node.rowChildren {
            if case .identifier(let text, true) = child {
                run += text
                runLength += 1
            } else {
                flushRun()
                merged.append(child)
            }
        }
        flushRun()
        return .wrap(merged)
    }

    /// A verbatim `{…}` argument as text; reports a missing one.
    mutating func readRawArgument(for command: String, at offset: Int) -> String? {
        guard let (range, closed) = lexer.readRawGroup() else {
            report("\(command) needs a {…} argument", at: offset)
            return nil
        }
        if !closed { report("missing } for the argument of \(command)", at: offset) }
        return lexer.text(range)
    }

    /// A color name or `#rrggbb` for `\color`/`\textcolor`.
    mutating func readColor(for command: String, at offset: Int) -> String? {
        guard let color = readRawArgument(for: command, at: offset) else { return nil }
        let trimmed = color.trimmingSpaces
        let allowed = !trimmed.isEmpty && trimmed.unicodeScalars.allSatisfy {
            ($0.value < 0x80 && isASCIILetter(UInt8($0.value))) || ("0"..."9").contains($0) || $0 == "#"
        }
        guard allowed else {
            report("unsupported color \"\(color)\": use a CSS color name or #rrggbb", at: offset)
            return nil
        }
        return trimmed
    }
}
