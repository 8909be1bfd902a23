/// Serializes a ``MathNode`` tree as MathML Core markup. Text is escaped (`& < >`, and `"` in
/// attributes); output is deterministic.
struct MathMLWriter {
    private(set) var output = ""

    init(capacity: Int = 256) {
        output.reserveCapacity(capacity)
    }

    mutating func raw(_ text: String) {
        output += text
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped.
    mutating func escaped(_ text: String) {
        var needsEscaping = false
        for byte in text.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == 0 {
            needsEscaping = true
            break
        }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func element(_ name: String, _ text: String) {
        output += "<" + name + ">"
        escaped(text)
        output += "</" + name + ">"
    }

    // MARK: Nodes

    /// Writes `node` as exactly one element (a row of several becomes `<mrow>`).
    mutating func writeSingle(_ node: MathNode) {
        if case .row(let children) = node, children.count != 1 {
            output += "<mrow>"
            writeChildren(children)
            output += "</mrow>"
        } else {
            write(node)
        }
    }

    /// Writes the children of `node` inline (for elements that act as rows: `msqrt`, `mtd`, `mstyle`).
    mutating func writeContents(_ node: MathNode) {
        writeChildren(node.rowChildren)
    }

    mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && text.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            escaped(text)
            output += "</mi>"
        case .number(let text):
            element("mn", text)
        case .op(let op):
            write(op)
        case .text(let text):
            element("mtext", text)
        case .space(let width):
            output += "<mspace width=\""
            escaped(width)
            output += "\"/>"
        case .row(let children):
            if children.count == 1 {
                write(children[0])
            } else {
                output += "<mrow>"
                writeChildren(children)
                output += "</mrow>"
            }
        case .operatorName(let name, _):
            output += name.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            escaped(name)
            output += "</mi>"
        case .fraction(let numerator, let denominator, let thickness, let displayStyle):
            output += "<mfrac"
            if let thickness { output += " linethickness=\"" + thickness + "\"" }
            if let displayStyle { output += displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"" }
            output += ">"
            writeSingle(numerator)
            writeSingle(denominator)
            output += "</mfrac>"
        case .squareRoot(let radicand):
            output += "<msqrt>"
            writeContents(radicand)
            output += "</msqrt>"
        case .root(let radicand, let index):
            output += "<mroot>"
            writeSingle(radicand)
            writeSingle(index)
            output += "</mroot>"
        case .scripts(let base, let sub, let sup):
            let name = sub == nil ? "msup" : sup == nil ? "msub" : "msubsup"
            output += "<" + name + ">"
            writeSingle(base)
            if let sub { writeSingle(sub) }
            if let sup { writeSingle(sup) }
            output += "</" + name + ">"
        case .underOver(let base, let under, let over, let accent, let accentUnder):
            let name = under == nil ? "mover" : over == nil ? "munder" : "munderover"
            output += "<" + name
            if accent { output += " accent=\"true\"" }
            if accentUnder { output += " accentunder=\"true\"" }
            output += ">"
            writeSingle(base)
            if let under { writeSingle(under) }
            if let over { writeSingle(over) }
            output += "</" + name + ">"
        case .table(let table):
            write(table)
        case .style(let style, let content):
            output += "<mstyle"
            if let displayStyle = style.displayStyle { output += displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"" }
            if let level = style.scriptLevel { output += " scriptlevel=\"\(level)\"" }
            if let color = style.color {
                output += " mathcolor=\""
                escaped(color)
                output += "\""
            }
            output += ">"
            writeContents(content)
            output += "</mstyle>"
        case .phantom(let content):
            output += "<mphantom>"
            writeContents(content)
            output += "</mphantom>"
        case .error(let text):
            output += "<merror><mtext>"
            escaped(text)
            output += "</mtext></merror>"
        }
    }

    private mutating func write(_ op: MathOperator) {
        output += "<mo"
        if let form = op.form { output += " form=\"" + form.rawValue + "\"" }
        if op.fence { output += " fence=\"true\"" }
        if let stretchy = op.stretchy { output += stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"" }
        if let lspace = op.lspace { output += " lspace=\"" + lspace + "\"" }
        if let rspace = op.rspace { output += " rspace=\"" + rspace + "\"" }
        if let size = op.size { output += " minsize=\"" + size + "\" maxsize=\"" + size + "\"" }
        if let movable = op.movableLimits { output += movable ? " movablelimits=\"true\"" : " movablelimits=\"false\"" }
        output += ">"
        escaped(op.text)
        output += "</mo>"
    }

    private mutating func write(_ table: MathTable) {
        output += "<mtable"
        if table.displayStyle { output += " displaystyle=\"true\"" }
        let columns = table.rows.map(\.count).max() ?? 0
        if !(table.columnAlignments.allSatisfy { $0 == .center }) {
            output += " columnalign=\""
            output += (0..<max(columns, 1)).map { table.alignment(ofColumn: $0).rawValue }.joined(separator: " ")
            output += "\""
        }
        output += ">"
        for row in table.rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                output += cellStart(table, column: column)
                writeContents(cell)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }

    /// MathML Core has no `columnalign`; alignment and the flush `&=` joints are set with CSS.
    private func cellStart(_ table: MathTable, column: Int) -> String {
        let alignment = table.alignment(ofColumn: column)
        if table.flushPairs {
            return column % 2 == 0
                ? (column == 0 ? "<mtd style=\"text-align:right;padding-right:0\">"
                               : "<mtd style=\"text-align:right;padding-right:0;padding-left:1em\">")
                : "<mtd style=\"text-align:left;padding-left:0\">"
        }
        switch alignment {
        case .center: return "<mtd>"
        case .left: return "<mtd style=\"text-align:left\">"
        case .right: return "<mtd style=\"text-align:right\">"
        }
    }

    // MARK: Rows and function spacing

    /// Writes row children; function names (`sin`, `lim`) get the invisible function application
    /// and TeX's thin spaces around them, which MathML does not add by itself.
    mutating func writeChildren(_ nodes: [MathNode]) {
        for index in nodes.indices {
            let node = nodes[index]
            let isFunction = node.isFunctionName
            if isFunction && index > 0 && nodes[index - 1].isOrdinary {
                output += "<mspace width=\"0.1667em\"/>"
            }
            write(node)
            guard isFunction, index + 1 < nodes.count else { continue }
            let next = nodes[index + 1]
            if next.opensWithFence {
                output += "<mo>&#x2061;</mo>"
            } else if next.isOrdinary || next.isFunctionName {
                output += "<mo>&#x2061;</mo><mspace width=\"0.1667em\"/>"
            }
        }
    }
}

extension MathNode {
    /// A function name, possibly with limits or scripts (TeX's Op atom made of letters).
    var isFunctionName: Bool {
        switch self {
        case .operatorName: true
        case .scripts(let base, _, _), .underOver(let base, _, _, false, false): base.isFunctionName
        default: false
        }
    }

    /// TeX's Ord-like atoms: identifiers, numbers, fractions, radicals, closed groups.
    var isOrdinary: Bool {
        switch self {
        case .identifier, .number, .fraction, .squareRoot, .root, .table: true
        case .op(let op): op.form == .postfix && op.fence
        case .scripts(let base, _, _): base.isOrdinary || base.isClosingFence
        case .underOver(let base, _, _, let accent, _): accent && base.isOrdinary
        case .style(_, let content): content.isOrdinary
        case .row(let children): children.count > 1 && (children.first?.opensWithFence ?? false)
        default: false
        }
    }

    var isClosingFence: Bool {
        if case .op(let op) = self { return op.form == .postfix || [")", "]", "}", "|", "‖", "⟩"].contains(op.text) }
        return false
    }

    /// Starts with an opening delimiter: `(`, `\left(`, `\{` …
    var opensWithFence: Bool {
        switch self {
        case .op(let op): op.form == .prefix || ["(", "[", "{", "|", "‖", "⟨", "⌊", "⌈"].contains(op.text)
        case .row(let children): children.first?.opensWithFence ?? false
        case .scripts(let base, _, _): base.opensWithFence
        default: false
        }
    }
}
