extension TeXParser {
    /// `\left( … \middle| … \right)`: stretchy fences around a row.
    mutating func parseLeftRight(at offset: Int) -> MathNode {
        defer { leave() }
        if let error = enter(at: offset) { return error }
        var nodes: [MathNode] = []
        let open = readDelimiter(after: "\\left", at: offset)
        if !open.isEmpty {
            nodes.append(.op(MathOperator(open, form: .prefix, fence: true, stretchy: true)))
        }
        openLeftRight += 1
        let (content, stop) = parseRow(.leftRight)
        openLeftRight -= 1
        nodes += content.rowChildren
        if stop == .right {
            let right = lexer.next()
            let close = readDelimiter(after: "\\right", at: right.start)
            if !close.isEmpty {
                nodes.append(.op(MathOperator(close, form: .postfix, fence: true, stretchy: true)))
            }
        } else if !abandoned {
            report("missing \\right for this \\left", at: offset)
        }
        return .row(nodes)
    }

    /// `\big(`, `\middle|`: one delimiter of a fixed size (or stretchy for `\middle`).
    mutating func parseSizedDelimiter(command: String, at offset: Int, size: MathLength?, form: MathOperator.Form?) -> MathNode {
        let text = readDelimiter(after: "\\" + command, at: offset)
        var op = MathOperator(text, form: form, fence: true, stretchy: true)
        op.size = size
        if command.hasSuffix("m") || command == "middle" {
            op.lspace = .thick
            op.rspace = .thick
        }
        return text.isEmpty ? .row([]) : .op(op)
    }

    /// The delimiter after `\left` and friends; `""` for `.` (and, reported, for anything else).
    private mutating func readDelimiter(after command: String, at offset: Int) -> String {
        let located = lexer.peek()
        if let text = MathSymbols.delimiter(for: located.token) {
            lexer.next()
            return text
        }
        report("\(command) must be followed by a delimiter such as ( [ \\{ | . ", at: offset)
        return ""
    }
}
