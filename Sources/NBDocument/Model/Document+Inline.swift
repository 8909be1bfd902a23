extension Document {
    /// `html` (a prose block's) with every computed value in place: `code` gives the HTML of an
    /// inline expression or check, `math` the MathML of a formula with `\nb{…}` values.
    public func fillingInline(_ html: String, code: (InlineCode) -> String, math: (ComputedMath) -> String) -> String {
        guard Placeholder.mayOccur(in: html) else { return html }
        let withMath = Placeholder.computedMath.substitute(in: html, count: computedMath.count) { math(computedMath[$0]) }
        return Placeholder.inlineCode.substitute(in: withMath, count: inlineCode.count) { code(inlineCode[$0]) }
    }
}
