/// TeX's four math styles, as far as spacing needs them: in script and scriptscript style TeX puts
/// no space around binary operators, relations and punctuation (`w_{k+1}`, `\sum_{i=1}`), while
/// MathML Core keeps the operator dictionary's spaces at every script level. The writer tracks the
/// style and writes `lspace="0" rspace="0"` where TeX would set the operator tight.
enum TeXStyle: UInt8, Sendable {
    case display, text, script, scriptScript

    /// The style of sub- and superscripts and of limits: S for D and T, SS for S and SS.
    var script: TeXStyle { self == .display || self == .text ? .script : .scriptScript }

    /// The style of a fraction's numerator and denominator: D → T, T → S, S and SS → SS.
    var fraction: TeXStyle {
        switch self {
        case .display: .text
        case .text: .script
        case .script, .scriptScript: .scriptScript
        }
    }

    /// Binary operators, relations and punctuation take no space.
    var isTight: Bool { self == .script || self == .scriptScript }

    /// The style an `<mstyle>` switches to (`\displaystyle`, `\scriptstyle` …), if it switches.
    func switched(by style: MathStyle) -> TeXStyle {
        switch (style.displayStyle, style.scriptLevel) {
        case (true, _): .display
        case (_, 1): .script
        case (_, let level?) where level >= 2: .scriptScript
        case (false, _): .text
        default: self
        }
    }
}
