extension SymbolicFunction {
    /// The whole definition as LaTeX: `f'(x) = 3 x^{2} + 2`, `\frac{\partial g}{\partial y}(x, y) = …`,
    /// or just the body when the function has no name. This is the one form the page typesets
    /// (through the document's MathML writer) and keeps as the formula's TeX annotation.
    public var latex: String {
        guard !name.isEmpty else { return expression.latex }
        let parameters = parameterNames.map(LaTeXForm.escapeName).joined(separator: ", ")
        return "\(LaTeXForm.functionName(name))(\(parameters)) = \(expression.latex)"
    }
}
