/// TeX's atom classes, as far as spacing needs them: MathML Core spaces operators by itself, but
/// not function names.
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
        case .styled: true
        case .row(let children): children.count > 1 && (children.first?.opensWithFence ?? false)
        default: false
        }
    }

    /// After this node a `+` or `−` is a sign, not a binary operator: after an operator other
    /// than a closing fence or an ellipsis (`= -1`, `(-x`, `, -y`, but `\dots + p_n`).
    var leavesSignUnary: Bool {
        if case .op(let op) = self { return !op.isEllipsis && (!isClosingFence || op.form == .prefix) }
        return false
    }

    var isClosingFence: Bool {
        if case .op(let op) = self { return op.form == .postfix || [")", "]", "}", "|", "‖", "⟩"].contains(op.text) }
        return false
    }

    /// Starts with an opening bracket that TeX classes as Open: `(`, `[`, `\{`, `\langle`, or any
    /// `\left…`. A plain `|` or `\|` is an Ord, so `\min \|x\|` keeps the thin space after `min`.
    var opensWithOpenAtom: Bool {
        switch self {
        case .op(let op): op.form == .prefix || ["(", "[", "{", "⟨", "⌊", "⌈"].contains(op.text)
        case .row(let children): children.first?.opensWithOpenAtom ?? false
        case .scripts(let base, _, _): base.opensWithOpenAtom
        default: false
        }
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

extension MathOperator {
    /// TeX's Bin, Rel, Punct and Inner atoms lose their spaces in script style; large operators
    /// (Op atoms) keep theirs, and fences and operators already tight have none to lose.
    var isTightInScripts: Bool {
        if lspace == .zero && rspace == .zero { return false }
        if fence || form == .prefix && stretchy == true || Self.brackets.contains(text) { return false }
        return !Self.largeOperators.contains(text)
    }

    /// Ellipses are TeX's Inner atoms, and a period is an Ord: after them `+` and `−` are binary
    /// (`p_1 + \dots + p_n`, and `p_1 + ... + p_n` written with three periods).
    var isEllipsis: Bool { Self.ellipses.contains(text) }

    private static let brackets: Set<String> = ["(", ")", "[", "]", "{", "}", "|", "‖", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉"]
    private static let ellipses: Set<String> = ["…", "⋯", "⋮", "⋱", "⋰", "."]
    private static let largeOperators: Set<String> = Set((MathSymbols.largeOperators + MathSymbols.integrals).map(\.1))
}
