import Testing
@testable import NBDocument

/// The user's post: every formula in it converts cleanly.
struct MathSeedTests {
    @Test(.enabled(if: SeedFile.isPresent, "needs ../shared/seed/autodiff-post.md")) func everySeedFormulaConvertsWithoutDiagnostics() throws {
        let seed = try #require(SeedFile.autodiffPost)
        let spans = MathScanner.scan(seed).spans
        #expect(!spans.isEmpty)
        for span in spans {
            let display = MathScanner.isDisplay(span, in: seed)
            let (mathML, diagnostics) = MathML.render(span.tex, display: display)
            #expect(diagnostics.isEmpty, "\(span.line): \(span.tex)")
            #expect(!mathML.contains("<merror>"), "\(span.line): \(span.tex)")
            #expect(isBalanced(mathML))
        }
    }

    @Test(.enabled(if: SeedFile.isPresent, "needs ../shared/seed/autodiff-post.md")) func multiLineSeedFormulaBecomesRows() throws {
        let seed = try #require(SeedFile.autodiffPost)
        let span = try #require(MathScanner.scan(seed).spans.first { $0.tex.contains("\\\\") })
        let (mathML, _) = MathML.render(span.tex, display: true)
        #expect(mathML.components(separatedBy: "<mtr>").count - 1 == 4)
        #expect(mathML.contains("<mtable displaystyle=\"true\">"))
    }

    @Test func derivativeDefinition() {
        let (mathML, diagnostics) = MathML.render("f'(x)=\\lim_{h\\to 0}{f(x+h)-f(x)\\over h}", display: true)
        #expect(diagnostics.isEmpty)
        #expect(mathML.contains("<munder><mi>lim</mi><mrow><mi>h</mi><mo lspace=\"0\" rspace=\"0\">→</mo><mn>0</mn></mrow></munder>"))
        #expect(mathML.contains("<mfrac><mrow><mi>f</mi>"))
        #expect(mathML.contains("<mi>h</mi></mfrac>"))
    }
}
