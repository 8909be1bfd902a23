/// Serializes a ``MathNode`` tree as MathML Core markup into a UTF-8 buffer. Text is escaped
/// (`& < >`, and `"` in attributes); output is deterministic.
struct MathMLWriter {
    private var bytes: [UInt8] = []
    /// The TeX style of the node being written: operators in script styles are set tight.
    private var style: TeXStyle

    /// A writer for a formula in display (`display`) or text style.
    init(capacity: Int = 256, display: Bool = false) {
        bytes.reserveCapacity(capacity)
        style = display ? .display : .text
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends trusted text (numbers, attribute values made by the converter) as is.
    private mutating func trusted(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped (and NUL replaced). Combining marks
    /// (U+0300–U+036F, U+20D0–U+20FF: accents such as the wide hat) are written as character
    /// references, so that no mark ever sits right after a tag's `>` in the serialized text, where
    /// Unicode would fuse the two into one character (`>` + U+0338 is `≯`).
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            while index < source.count {
                let byte = source[index]
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case 0: replacement = "\u{FFFD}"
                case 0xCC, 0xCD, 0xE2:
                    let length = byte == 0xE2 ? 3 : 2
                    guard index + length <= source.count,
                          let mark = Self.combiningMark(UnsafeBufferPointer(rebasing: source[index..<(index + length)])) else {
                        index += 1
                        continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    trusted("&#x" + String(mark, radix: 16, uppercase: true) + ";")
                    index += length
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    /// The scalar value of a combining mark in U+0300–U+036F or U+20D0–U+20FF encoded by `bytes`.
    private static func combiningMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        if bytes.count == 2, bytes[1] & 0xC0 == 0x80 {
            let value = UInt32(bytes[0] & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
            return (0x300...0x36F).contains(value) ? value : nil
        }
        if bytes.count == 3, bytes[1] & 0xC0 == 0x80, bytes[2] & 0xC0 == 0x80 {
            let value = UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            return (0x20D0...0x20FF).contains(value) ? value : nil
        }
        return nil
    }

    private mutating func element(_ open: StaticString, _ text: String, _ close: StaticString) {
        raw(open)
        escaped(text)
        raw(close)
    }

    // MARK: Nodes

    /// Writes `node` as exactly one element (a row of several becomes `<mrow>`).
    mutating func writeSingle(_ node: MathNode) {
        if case .row(let children) = node, children.count != 1 {
            raw("<mrow>")
            writeChildren(children)
            raw("</mrow>")
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
            raw(upright && text.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>")
            escaped(text)
            raw("</mi>")
        case .number(let text):
            element("<mn>", text, "</mn>")
        case .op(let op):
            write(op)
        case .text(let text):
            element("<mtext>", text, "</mtext>")
        case .space(let width):
            raw("<mspace width=\"")
            escaped(width)
            raw("\"/>")
        case .row(let children):
            if children.count == 1 {
                write(children[0])
            } else {
                raw("<mrow>")
                writeChildren(children)
                raw("</mrow>")
            }
        case .operatorName(let name, _):
            raw(name.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>")
            escaped(name)
            raw("</mi>")
        case .fraction(let numerator, let denominator, let thickness, let displayStyle):
            raw("<mfrac")
            if let thickness {
                raw(" linethickness=\"")
                escaped(thickness)
                raw("\"")
            }
            if let displayStyle { raw(displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"") }
            raw(">")
            let outer = style
            style = displayStyle.map { $0 ? TeXStyle.text : .script } ?? outer.fraction
            writeSingle(numerator)
            writeSingle(denominator)
            style = outer
            raw("</mfrac>")
        case .squareRoot(let radicand):
            raw("<msqrt>")
            writeContents(radicand)
            raw("</msqrt>")
        case .root(let radicand, let index):
            raw("<mroot>")
            writeSingle(radicand)
            let outer = style
            style = .scriptScript
            writeSingle(index)
            style = outer
            raw("</mroot>")
        case .scripts(let base, let sub, let sup):
            raw(sub == nil ? "<msup>" : sup == nil ? "<msub>" : "<msubsup>")
            writeSingle(base)
            let outer = style
            style = outer.script
            if let sub { writeSingle(sub) }
            if let sup { writeSingle(sup) }
            style = outer
            raw(sub == nil ? "</msup>" : sup == nil ? "</msub>" : "</msubsup>")
        case .underOver(let base, let under, let over, let accent, let accentUnder):
            raw(under == nil ? "<mover" : over == nil ? "<munder" : "<munderover")
            if accent { raw(" accent=\"true\"") }
            if accentUnder { raw(" accentunder=\"true\"") }
            raw(">")
            writeSingle(base)
            // Limits are in script style; an accent keeps the style of its base.
            let outer = style
            if let under {
                style = accentUnder ? outer : outer.script
                writeSingle(under)
            }
            if let over {
                style = accent ? outer : outer.script
                writeSingle(over)
            }
            style = outer
            raw(under == nil ? "</mover>" : over == nil ? "</munder>" : "</munderover>")
        case .table(let table):
            write(table)
        case .style(let mathStyle, let content):
            raw("<mstyle")
            if let displayStyle = mathStyle.displayStyle { raw(displayStyle ? " displaystyle=\"true\"" : " displaystyle=\"false\"") }
            if let level = mathStyle.scriptLevel {
                raw(" scriptlevel=\"")
                trusted(String(level))
                raw("\"")
            }
            if let color = mathStyle.color {
                raw(" mathcolor=\"")
                escaped(color)
                raw("\"")
            }
            if let size = mathStyle.size { attribute(" mathsize=\"", size) }
            raw(">")
            let outer = style
            style = outer.switched(by: mathStyle)
            writeContents(content)
            style = outer
            raw("</mstyle>")
        case .styled(let css, let content):
            attribute("<mrow style=\"", css)
            raw(">")
            writeContents(content)
            raw("</mrow>")
        case .phantom(let content):
            raw("<mphantom>")
            writeContents(content)
            raw("</mphantom>")
        case .error(let text):
            raw("<merror><mtext>")
            escaped(text)
            raw("</mtext></merror>")
        case .padded(let width, let content):
            attribute("<mpadded width=\"", width)
            raw(">")
            writeContents(content)
            raw("</mpadded>")
        case .anchor(let id, let content):
            attribute("<mrow id=\"eq-", id)
            raw(">")
            writeContents(content)
            raw("</mrow>")
        case .reference(let anchor, let marker):
            // An HTML link inside <mtext> (an HTML integration point): MathML Core has no links.
            attribute("<mtext><a href=\"#eq-", anchor)
            raw(">")
            escaped(marker)
            raw("</a></mtext>")
        }
    }

    private mutating func write(_ op: MathOperator) {
        raw("<mo")
        if let form = op.form {
            switch form {
            case .prefix: raw(" form=\"prefix\"")
            case .infix: raw(" form=\"infix\"")
            case .postfix: raw(" form=\"postfix\"")
            }
        }
        if op.fence { raw(" fence=\"true\"") }
        if let stretchy = op.stretchy { raw(stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"") }
        if style.isTight && op.isTightInScripts {
            // TeX sets binary operators, relations and punctuation tight in scripts.
            raw(" lspace=\"0\" rspace=\"0\"")
        } else {
            if let lspace = op.lspace { attribute(" lspace=\"", lspace.css) }
            if let rspace = op.rspace { attribute(" rspace=\"", rspace.css) }
        }
        if let size = op.size {
            attribute(" minsize=\"", size.css)
            attribute(" maxsize=\"", size.css)
        }
        if let movable = op.movableLimits { raw(movable ? " movablelimits=\"true\"" : " movablelimits=\"false\"") }
        raw(">")
        escaped(op.text)
        raw("</mo>")
    }

    private mutating func attribute(_ start: StaticString, _ value: String) {
        raw(start)
        escaped(value)
        raw("\"")
    }

    private mutating func write(_ table: MathTable) {
        raw("<mtable")
        if table.displayStyle { raw(" displaystyle=\"true\"") }
        let columns = table.rows.map(\.count).max() ?? 0
        if !(table.columnAlignments.allSatisfy { $0 == .center }) {
            // For renderers that implement it (Firefox); Chromium reads the cells' CSS below.
            attribute(" columnalign=\"", (0..<max(columns, 1)).map { table.alignment(ofColumn: $0).rawValue }.joined(separator: " "))
        }
        raw(">")
        // Cells are in display style in aligned and gathered, in text style in matrices and
        // arrays, and keep the surrounding style in a `\substack`.
        let outer = style
        if !table.compact { style = table.displayStyle ? .display : .text }
        let hasRules = !(table.columnLines + table.rowLines).allSatisfy { $0 == .none }
        for (rowIndex, row) in table.rows.enumerated() {
            raw("<mtr>")
            // With rules, short rows are padded so that the rules run the table's full width.
            let width = hasRules ? columns : row.count
            for column in 0..<width {
                raw("<mtd")
                let css = Self.cellStyle(table, row: rowIndex, column: column)
                if !css.isEmpty { attribute(" style=\"", css) }
                raw(">")
                if column < row.count { writeContents(row[column]) }
                raw("</mtd>")
            }
            raw("</mtr>")
        }
        style = outer
        raw("</mtable>")
    }

    /// The CSS of a cell: alignment, the flush `&=` joints, and rules.
    ///
    /// MathML Core has no `columnalign`, and Chromium lays out an `<mtd>` that says
    /// `text-align: right` from the left; it honours `-webkit-right` and `-webkit-left`, which
    /// WebKit understands too. Both are written (`right` first, for other engines). Rules
    /// (`{c|c}`, `\hline`) are cell borders, which every engine draws.
    static func cellStyle(_ table: MathTable, row: Int, column: Int) -> String {
        var css = ""
        if table.compact {
            css = "padding:0"
        } else if table.flushPairs {
            if column % 2 == 0 {
                css = column == 0 ? Self.alignRight + ";padding-right:0" : Self.alignRight + ";padding-right:0;padding-left:1em"
            } else {
                css = Self.alignLeft + ";padding-left:0"
            }
        } else {
            switch table.alignment(ofColumn: column) {
            case .center: break
            case .left: css = Self.alignLeft
            case .right: css = Self.alignRight
            }
        }
        func border(_ side: String, _ line: MathTable.Line) {
            guard line != .none else { return }
            if !css.isEmpty { css += ";" }
            css += "border-\(side):0.06em \(line == .dashed ? "dashed" : "solid")"
        }
        if column == 0 { border("left", table.columnLine(0)) }
        border("right", table.columnLine(column + 1))
        if row == 0 { border("top", table.rowLine(0)) }
        border("bottom", table.rowLine(row + 1))
        return css
    }

    private static let alignRight = "text-align:right;text-align:-webkit-right"
    private static let alignLeft = "text-align:left;text-align:-webkit-left"

    // MARK: Rows and function spacing

    /// Writes row children; function names (`sin`, `lim`) get the invisible function application
    /// and TeX's thin spaces around them, which MathML does not add by itself.
    mutating func writeChildren(_ nodes: [MathNode]) {
        for index in nodes.indices {
            let node = nodes[index]
            let isFunction = node.isFunctionName
            if isFunction && index > 0 && nodes[index - 1].isOrdinary {
                raw("<mspace width=\"0.1667em\"/>")
            }
            write(node)
            guard isFunction, index + 1 < nodes.count else { continue }
            let next = nodes[index + 1]
            if next.opensWithOpenAtom {
                raw("<mo>&#x2061;</mo>")
            } else if next.isOrdinary || next.isFunctionName || next.opensWithFence {
                raw("<mo>&#x2061;</mo><mspace width=\"0.1667em\"/>")
            }
        }
    }
}
