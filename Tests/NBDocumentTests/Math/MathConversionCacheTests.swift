import Testing
@testable import NBDocument

/// A page converts a formula written again from its ``MathConversionCache`` only where converting
/// it afresh would give the same MathML and diagnostics.
struct MathConversionCacheTests {
    private func page() -> MathPageContext {
        var context = MathPageContext()
        context.defersReferences = true
        return context
    }

    @Test func aRepeatedFormulaConvertsAsTheFirst() {
        var context = page()
        for tex in ["x^2 + \\unknown y", "\\frac{a}{b}"] {
            let first = MathML.convert(tex, display: false, macros: &context)
            let again = MathML.convert(tex, display: false, macros: &context)
            #expect(again.mathML == first.mathML)
            #expect(again.diagnostics == first.diagnostics)
            #expect(again.mathML == MathML.convert(tex, display: false).mathML)
        }
        // Display and inline differ.
        #expect(MathML.convert("x", display: true, macros: &context).mathML.contains("display=\"block\""))
    }

    @Test func aMacroDefinedLaterAppliesToTheSameTeX() {
        var context = page()
        let before = MathML.convert("\\foo x", display: false, macros: &context)
        #expect(before.mathML.contains("<merror>"))
        _ = MathML.convert("\\def\\foo{y}", display: false, macros: &context)
        let after = MathML.convert("\\foo x", display: false, macros: &context)
        #expect(!after.mathML.contains("<merror>"))
        #expect(after.mathML.contains("<mi>y</mi>"))
    }

    @Test func macrosDefinedOutsideAFormulaApplyToo() {
        var context = page()
        #expect(MathML.convert("\\foo", display: false, macros: &context).mathML.contains("<merror>"))
        context.macros.define("foo", body: "y")
        #expect(MathML.convert("\\foo", display: false, macros: &context).mathML.contains("<mi>y</mi>"))
    }

    @Test func numberedEquationsTakeTheirOwnNumbers() {
        var context = page()
        let tex = "\\begin{equation}a\\end{equation}"
        let first = MathML.convert(tex, display: true, macros: &context).mathML
        let second = MathML.convert(tex, display: true, macros: &context).mathML
        #expect(first.contains("<mtext>(1)</mtext>"))
        #expect(second.contains("<mtext>(2)</mtext>"))
        // Short enough to be cached, were it not numbered.
        let label = "a \\label{x}"
        #expect(MathML.convert(label, display: true, macros: &context).mathML.contains("<mtext>(3)</mtext>"))
        let repeated = MathML.convert(label, display: true, macros: &context)
        #expect(repeated.mathML.contains("<mtext>(4)</mtext>"))
        #expect(repeated.diagnostics.count == 1)
    }

    @Test func canonicallyEquivalentTeXKeepsItsOwnBytes() {
        var context = page()
        let composed = MathML.convert("\\text{é}", display: false, macros: &context).mathML
        let decomposed = MathML.convert("\\text{e\u{301}}", display: false, macros: &context).mathML
        #expect(composed != decomposed)
        #expect(decomposed == MathML.convert("\\text{e\u{301}}", display: false).mathML)
    }
}
