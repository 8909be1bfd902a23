extension Expr {
    /// The expression as cell-language source with only the parentheses precedence needs
    /// (used to display functions: `f(x) = x^3 + 2*x`).
    public var source: String { render(context: 0) }

    private var precedence: Int {
        switch kind {
        case .lambda, .ifElse, .bind, .setLocal, .forIn, .forLocal: return 0
        case .frame(_, let body): return body.precedence
        case .binary(let op, _, _): return op.precedence
        case .range: return 4
        case .unary: return 7
        case .number(let value): return value < 0 || value.sign == .minus ? 7 : 10
        case .call, .index, .member: return 9
        default: return 10
        }
    }

    private func render(context: Int) -> String {
        let text = renderBare()
        return precedence < context ? "(\(text))" : text
    }

    private func renderBare() -> String {
        switch kind {
        case .number(let value): return NumberFormat.format(value)
        case .string(let text): return Expr.quote(text)
        case .bool(let value): return value ? "true" : "false"
        case .identifier(let name), .global(let name, _), .local(let name, _): return name
        case .list(let items): return "[" + items.map { $0.render(context: 0) }.joined(separator: ", ") + "]"
        case .tuple(let items): return "(" + items.map { $0.render(context: 0) }.joined(separator: ", ") + ")"
        case .unary(let op, let operand): return op.rawValue + operand.render(context: 7)
        case .binary(let op, let lhs, let rhs):
            switch op {
            case .power: return "\(lhs.render(context: 9))^\(rhs.render(context: 7))"
            case .multiply, .divide, .matmul, .add, .subtract, .and, .or:
                let spaced = op == .add || op == .subtract || op == .and || op == .or
                let symbol = spaced ? " \(op.rawValue) " : op.rawValue
                return lhs.render(context: op.precedence) + symbol + rhs.render(context: op.precedence + 1)
            default:
                return "\(lhs.render(context: 4)) \(op.rawValue) \(rhs.render(context: 4))"
            }
        case .range(let lhs, let rhs, let closed):
            return lhs.render(context: 5) + (closed ? "..." : "..<") + rhs.render(context: 5)
        case .call(let callee, let arguments):
            let list = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.render(context: 0) }
            return callee.render(context: 9) + "(" + list.joined(separator: ", ") + ")"
        case .index(let base, let indices):
            return base.render(context: 9) + "[" + indices.map { $0.render(context: 0) }.joined(separator: ", ") + "]"
        case .member(let base, let name): return base.render(context: 9) + "." + name
        case .lambda(let parameters, let body):
            let head = parameters.count == 1 ? parameters[0] : "(" + parameters.joined(separator: ", ") + ")"
            return head + " -> " + body.render(context: 0)
        case .block(let items):
            return "{ " + items.map { $0.render(context: 0) }.joined(separator: "; ") + " }"
        case .ifElse(let condition, let then, let otherwise):
            var text = "if " + condition.render(context: 0) + " " + then.asBlockSource
            if let otherwise {
                if case .ifElse = otherwise.kind { text += " else " + otherwise.renderBare() } else { text += " else " + otherwise.asBlockSource }
            }
            return text
        case .bind(let name, let value), .setLocal(let name, _, let value):
            return name + " = " + value.render(context: 0)
        case .forIn(let name, let sequence, let body), .forLocal(let name, _, let sequence, let body):
            return "for " + name + " in " + sequence.render(context: 0) + " " + body.asBlockSource
        case .frame(_, let body):
            return body.renderBare()
        }
    }

    /// The expression as the body of `if`, `else` or `for`: always in braces.
    private var asBlockSource: String {
        if case .block = kind { return renderBare() }
        return "{ " + render(context: 0) + " }"
    }

    /// A string literal with quotes and escapes.
    static func quote(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
