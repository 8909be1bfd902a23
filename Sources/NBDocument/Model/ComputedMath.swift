/// A formula whose TeX holds `\nb{expr}` values: it is converted to MathML once the values are
/// known (at render time), through the same converter as every other formula.
public struct ComputedMath: Sendable, Equatable {
    /// The TeX with each `\nb{…}` replaced by a `Placeholder.inlineCode` marker of its `InlineCode`.
    public var tex: String
    public var display: Bool
    /// The `InlineCode` indices of its values, in order.
    public var codes: [Int]
    /// The macros in force where the formula stands.
    public var macros: MathMacros

    public init(tex: String, display: Bool, codes: [Int], macros: MathMacros = MathMacros()) {
        self.tex = tex
        self.display = display
        self.codes = codes
        self.macros = macros
    }

    /// The MathML once every value is known: `tex(index)` gives the TeX of `InlineCode` `index`.
    public func mathML(_ tex: (Int) -> String) -> String {
        let filled = Placeholder.inlineCode.substitute(in: self.tex, count: Int.max) { tex($0) }
        var context = MathPageContext(macros)
        return MathML.convert(filled, display: display, macros: &context).mathML
    }
}
