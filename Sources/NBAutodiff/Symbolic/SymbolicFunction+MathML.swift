extension SymbolicFunction {
    /// The whole definition as MathML: `f′(x, y) = body` (just the body when the function has no
    /// name), with the body's LaTeX kept as the annotation.
    public func mathML(display: Bool = false) -> String {
        let body = expression.mathML(display: display)
        let marker = "<semantics><mrow>"
        guard !name.isEmpty, let range = body.range(of: marker) else { return body }
        var head = "<mi>\(MathMLForm.escape(name))</mi><mo>(</mo>"
        head += parameterNames.map { "<mi>\(MathMLForm.escape($0))</mi>" }.joined(separator: "<mo>,</mo>")
        head += "<mo>)</mo><mo>=</mo>"
        return body.replacingCharacters(in: range, with: marker + head)
    }
}
