extension SymbolicExpression {
    /// Presentation MathML: `<math>` with `<mrow>`, `<mi>`, `<mn>`, `<mo>`, `<msup>`, `<mfrac>`,
    /// `<msqrt>`, and the LaTeX form as `<annotation encoding="application/x-tex">`.
    /// `display` adds `display="block"`. Names are XML-escaped.
    public func mathML(display: Bool = false) -> String {
        let open = display
            ? "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"
            : "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
        return open + "<semantics><mrow>" + MathMLForm.render(node) + "</mrow>"
            + "<annotation encoding=\"application/x-tex\">" + MathMLForm.escape(latex)
            + "</annotation></semantics></math>"
    }
}

enum MathMLForm {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        if value < 0 { return "<mo>&#x2212;</mo><mn>\(NumberFormatting.text(-value))</mn>" }
        return "<mn>\(NumberFormatting.text(value))</mn>"
    }

    static func render(_ node: ExpressionNode) -> String {
        let c = node.children
        switch node.operation {
        case let .constant(bits): return number(Double(bitPattern: bits))
        case let .variable(name): return "<mi>\(escape(name))</mi>"
        case .add: return operand(c[0], 1) + "<mo>+</mo>" + operand(c[1], 1, right: true)
        case .subtract: return operand(c[0], 1) + "<mo>&#x2212;</mo>" + operand(c[1], 2, right: true)
        case .multiply:
            let times = c[0].constantValue != nil && c[1].constantValue == nil ? "<mo>&#x2062;</mo>" : "<mo>&#x22C5;</mo>"
            return operand(c[0], 2) + times + operand(c[1], 2, right: true)
        case .divide:
            return "<mfrac><mrow>\(render(c[0]))</mrow><mrow>\(render(c[1]))</mrow></mfrac>"
        case .power:
            let base = c[0].precedence < 5 || c[0].operation == .divide ? parenthesised(c[0]) : render(c[0])
            return "<msup><mrow>\(base)</mrow><mrow>\(render(c[1]))</mrow></msup>"
        case .negate: return "<mo>&#x2212;</mo>" + operand(c[0], 4)
        case .function(.sqrt): return "<msqrt>\(render(c[0]))</msqrt>"
        case .function(.abs): return "<mrow><mo>|</mo>\(render(c[0]))<mo>|</mo></mrow>"
        case .function, .maximum, .minimum, .sign, .step:
            let arguments = c.map(render).joined(separator: "<mo>,</mo>")
            return "<mi>\(node.functionName ?? "")</mi><mo>&#x2061;</mo><mrow><mo>(</mo>\(arguments)<mo>)</mo></mrow>"
        }
    }

    /// A fraction is an atom here (it is drawn stacked), so it never needs parentheses.
    private static func operand(_ child: ExpressionNode, _ minimum: Int, right: Bool = false) -> String {
        let p = child.operation == .divide ? 5 : child.precedence
        return p < minimum || (right && p == 3) ? parenthesised(child) : render(child)
    }

    private static func parenthesised(_ node: ExpressionNode) -> String {
        "<mrow><mo>(</mo>\(render(node))<mo>)</mo></mrow>"
    }
}
