/// A formula as runs of plain text, for places that cannot hold MathML (SVG plot titles, axis
/// labels and legends): the document's own TeX parser reads the formula, and each run says whether
/// it is italic (a single-letter variable) and how far it is raised and scaled (sub- and
/// superscripts). Fractions become `a/b`, accents combining characters, and anything the writer
/// cannot flatten its text.
public struct MathTextRun: Sendable, Equatable {
    public var text: String
    /// A single-letter identifier, drawn italic.
    public var italic: Bool
    /// Baseline shift in ems of the surrounding text, positive upwards.
    public var rise: Double
    /// Font size relative to the surrounding text (1, 0.7 for a script, 0.5 for a script's script).
    public var scale: Double

    public init(_ text: String, italic: Bool = false, rise: Double = 0, scale: Double = 1) {
        self.text = text; self.italic = italic; self.rise = rise; self.scale = scale
    }
}

public enum MathText {
    /// The runs of TeX formula `tex` (without `$`). Never fails: malformed input is shown as text.
    public static func runs(_ tex: String) -> [MathTextRun] {
        var source = tex
        let tree = source.withUTF8 { bytes -> MathNode in
            var parser = TeXParser(bytes: bytes, display: false)
            return parser.parseFormula()
        }
        var writer = Writer()
        writer.write(tree, rise: 0, scale: 1, depth: 0)
        return writer.runs
    }

    /// Characters that get a thin space on each side between operands (binary operators and
    /// relations).
    static let spacedOperators: Set<String> = [
        "+", "−", "-", "×", "·", "⋅", "÷", "±", "∓", "∘", "=", "≠", "<", ">", "≤", "≥", "≈", "≡", "∼", "≃", "≅",
        "∝", "∈", "∉", "⊂", "⊆", "⊃", "⊇", "→", "←", "↔", "⇒", "⇐", "⇔", "↦", "∪", "∩", "∧", "∨", "≪", "≫", "≔",
    ]

    /// Combining marks for accents over a single character.
    static let combining: [String: String] = [
        "^": "\u{302}", "\u{302}": "\u{302}", "ˆ": "\u{302}", "~": "\u{303}", "˜": "\u{303}", "¯": "\u{304}",
        "‾": "\u{305}", "→": "\u{20D7}", "˙": "\u{307}", "¨": "\u{308}", "ˇ": "\u{30C}", "´": "\u{301}",
        "`": "\u{300}", "˘": "\u{306}", "˚": "\u{30A}",
    ]

    private struct Writer {
        var runs: [MathTextRun] = []

        mutating func add(_ text: String, italic: Bool = false, rise: Double, scale: Double) {
            guard !text.isEmpty else { return }
            if let last = runs.last, last.italic == italic, last.rise == rise, last.scale == scale {
                runs[runs.count - 1].text += text
            } else {
                runs.append(MathTextRun(text, italic: italic, rise: rise, scale: scale))
            }
        }

        mutating func write(_ node: MathNode, rise: Double, scale: Double, depth: Int) {
            guard depth < 64 else { return }
            let next = depth + 1
            switch node {
            case .identifier(let text, let upright):
                add(text, italic: !upright && text.unicodeScalars.count == 1, rise: rise, scale: scale)
            case .number(let text), .text(let text), .error(let text):
                add(text, rise: rise, scale: scale)
            case .operatorName(let text, _):
                add(text, rise: rise, scale: scale)
            case .op(let op):
                // Spaced between operands on the baseline; tight in scripts and after an opening.
                let spaced = scale == 1 && MathText.spacedOperators.contains(op.text) && op.form != .prefix
                    && !(runs.last.map { $0.text.hasSuffix("(") || $0.text.hasSuffix("[") } ?? true)
                add(spaced ? "\u{2009}" + op.text + "\u{2009}" : op.text + (op.text == "," ? "\u{2009}" : ""),
                    rise: rise, scale: scale)
            case .space:
                add(" ", rise: rise, scale: scale)
            case .row(let children):
                for child in children { write(child, rise: rise, scale: scale, depth: next) }
            case .fraction(let numerator, let denominator, _, _):
                write(numerator, rise: rise, scale: scale, depth: next)
                add("/", rise: rise, scale: scale)
                write(denominator, rise: rise, scale: scale, depth: next)
            case .squareRoot(let radicand):
                add("√", rise: rise, scale: scale)
                write(radicand, rise: rise, scale: scale, depth: next)
            case .root(let radicand, let index):
                write(index, rise: rise + 0.45 * scale, scale: max(scale * 0.7, 0.5), depth: next)
                add("√", rise: rise, scale: scale)
                write(radicand, rise: rise, scale: scale, depth: next)
            case .scripts(let base, let sub, let sup):
                write(base, rise: rise, scale: scale, depth: next)
                let small = max(scale * 0.7, 0.5)
                if let sub { write(sub, rise: rise - 0.22 * scale, scale: small, depth: next) }
                if let sup { write(sup, rise: rise + 0.42 * scale, scale: small, depth: next) }
            case .underOver(let base, let under, let over, let accent, _):
                if accent, case .op(let mark)? = over, let combining = MathText.combining[mark.text] {
                    let before = runs.count
                    write(base, rise: rise, scale: scale, depth: next)
                    if runs.count > before { runs[runs.count - 1].text += combining }
                    return
                }
                write(base, rise: rise, scale: scale, depth: next)
                let small = max(scale * 0.7, 0.5)
                if let under { write(under, rise: rise - 0.22 * scale, scale: small, depth: next) }
                if let over { write(over, rise: rise + 0.42 * scale, scale: small, depth: next) }
            case .style(_, let inner), .styled(_, let inner), .padded(_, let inner), .anchor(_, let inner):
                write(inner, rise: rise, scale: scale, depth: next)
            case .reference(_, let marker):
                add(marker, rise: rise, scale: scale)
            case .phantom:
                break
            case .table(let table):
                for (r, row) in table.rows.enumerated() {
                    if r > 0 { add("; ", rise: rise, scale: scale) }
                    for (c, cell) in row.enumerated() {
                        if c > 0 { add(" ", rise: rise, scale: scale) }
                        write(cell, rise: rise, scale: scale, depth: next)
                    }
                }
            }
        }
    }
}
