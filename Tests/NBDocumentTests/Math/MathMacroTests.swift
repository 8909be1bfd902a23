import Testing
@testable import NBDocument

/// `\newcommand`, `\def`, `\DeclareMathOperator` …, in a formula, across a page, from front matter
/// and site-wide, and their limits.
struct MathMacroTests {
    private func render(_ tex: String, display: Bool = false) -> (String, [Diagnostic]) {
        MathML.render(tex, display: display)
    }

    private func prose(_ document: Document) -> String {
        document.blocks.map { if case .prose(let p) = $0 { p.html } else { "" } }.joined()
    }

    @Test func newcommandInTheSameFormula() {
        let (mathML, diagnostics) = render("\\newcommand{\\RR}{\\mathbb{R}} x\\in\\RR")
        #expect(diagnostics.isEmpty)
        #expect(mathML.contains("<mi>x</mi><mo>∈</mo><mi mathvariant=\"normal\">ℝ</mi>") || mathML.contains("ℝ"))
        #expect(!mathML.contains("<merror>"))
        // The annotation keeps the TeX as written.
        #expect(mathML.contains("\\newcommand{\\RR}{\\mathbb{R}} x\\in\\RR</annotation>"))
    }

    @Test(arguments: [
        ("\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}\\norm{x}", "<mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo><mi>x</mi>"),
        ("\\newcommand\\sq[1]{#1^2}\\sq{y}", "<msup><mi>y</mi><mn>2</mn></msup>"),
        ("\\newcommand{\\e}[2][1]{#1^{#2}}\\e{x}", "<msup><mn>1</mn><mi>x</mi></msup>"),
        ("\\newcommand{\\e}[2][1]{#1^{#2}}\\e[2]{x}", "<msup><mn>2</mn><mi>x</mi></msup>"),
        ("\\def\\sqr#1{#1^2} \\sqr{y}", "<msup><mi>y</mi><mn>2</mn></msup>"),
        ("\\gdef\\two#1#2{#2#1}\\two ab", "<mi>b</mi><mi>a</mi>"),
        ("\\let\\eps\\varepsilon \\eps", "<mi>ε</mi>"),
        ("\\let\\eps = \\epsilon \\eps", "<mi>ϵ</mi>"),
        ("\\def\\a{\\alpha}\\a x", "<mi>α</mi><mi>x</mi>"),
        ("\\def\\a{\\alpha}\\a{}x", "<mi>α</mi><mrow></mrow><mi>x</mi>"),
        ("\\DeclareMathOperator{\\Tr}{Tr}\\Tr A", "<mi>Tr</mi>"),
        ("\\newcommand{\\x}{1}\\renewcommand{\\x}{2}\\x", "<mn>2</mn>"),
        ("\\newcommand{\\x}{1}\\providecommand{\\x}{2}\\x", "<mn>1</mn>"),
        ("\\def\\hash{\\#}\\hash", "#"),
    ])
    func definitions(_ example: (String, String)) {
        let (mathML, diagnostics) = render(example.0)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(mathML.contains(example.1), "\(mathML)")
        #expect(!mathML.contains("<merror>"))
    }

    @Test func starredOperatorTakesLimitsInDisplay() {
        let (mathML, diagnostics) = render("\\DeclareMathOperator*{\\amax}{arg\\,max}\\amax_{x} f", display: true)
        #expect(diagnostics.isEmpty)
        #expect(mathML.contains("<munder>"))
        let (inline, _) = render("\\DeclareMathOperator{\\amax}{argmax}\\amax_{x} f", display: true)
        #expect(inline.contains("<msub><mi>argmax</mi>"))
    }

    @Test(arguments: [
        "\\def\\a{\\a\\a}\\a",
        "\\def\\a{x\\a}\\a",
        "\\def\\a#1{\\a{#1#1}}\\a{x}",
        "\\newcommand{\\a}{\\b}\\newcommand{\\b}{\\a}\\a",
        "\\def\\a{\\a}\\a",
    ])
    func recursionIsAnErrorNotAHang(_ tex: String) {
        let (mathML, diagnostics) = render(tex)
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("macro") == true)
        #expect(mathML.utf8.count < 100_000)
    }

    @Test func errorsPointAtTheCallOrTheDefinition() {
        // An unknown command inside a macro body is reported at the call.
        let (mathML, diagnostics) = render("\\newcommand{\\foo}{\\nope} x + \\foo")
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.map(\.message) == ["unknown command \\nope"])
        #expect(diagnostics.first?.span == 29..<33)
        // A definition without a name or a body is reported at the command.
        let (_, missing) = render("x \\newcommand{\\foo}")
        #expect(missing.first?.span == 2..<13)
        #expect(missing.first?.message.contains("definition in braces") == true)
        let (_, delimited) = render("\\def\\foo#1.{#1}")
        #expect(delimited.first?.message.contains("delimited") == true)
        // Positions after a call are still exact.
        let (_, after) = render("\\def\\a{b}\\a + \\nope")
        #expect(after.first?.span == 14..<19)
    }

    @Test func definitionsHoldForTheRestOfThePage() throws {
        let document = try DocumentParser.parse("Used early $\\RR$.\n\n$\\newcommand{\\RR}{\\mathbb{R}}$ Then $x\\in\\RR$.\n\n$$\\RR^n$$\n")
        #expect(document.diagnostics.map(\.message) == ["unknown command \\RR"])
        #expect(document.diagnostics.first?.location == TextLocation(line: 1, column: 13))
        let html = prose(document)
        #expect(html.components(separatedBy: "ℝ").count - 1 == 2)
    }

    @Test func aDisplayFormulaOfDefinitionsOnlyMakesNoBlock() throws {
        let document = try DocumentParser.parse("Intro.\n\n$$\n\\newcommand{\\RR}{\\mathbb{R}}\n\\def\\eps{\\varepsilon}\n$$\n\nThen $\\eps \\in \\RR$.\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.blocks.count == 2)
        #expect(!prose(document).contains("nb-math"))
        #expect(prose(document).contains("ℝ"))
    }

    @Test func frontMatterAndSiteMacros() throws {
        var site = MathMacros()
        site.define("RR", body: "\\mathbb{R}")
        site.define("\\E", body: "\\mathbb{E}")
        let markdown = "---\nnb:\n  macros:\n    E: '\\operatorname{E}'\n    norm: ['\\lVert #1\\rVert', 1]\n    bad: [1, 2, 3, 4]\n---\n$\\RR \\E \\norm{x}$\n"
        let document = try DocumentParser.parse(markdown, macros: site)
        #expect(document.diagnostics.map(\.message) == ["macro `bad`: write `bad: [definition, number of arguments]`; ignored"])
        #expect(document.diagnostics.first?.location.line == 6)
        let html = prose(document)
        #expect(html.contains("ℝ"))
        #expect(html.contains("<mi mathvariant=\"normal\">E</mi>"))  // the page's \E wins over the site's
        #expect(!html.contains("𝔼"))
        #expect(html.contains("‖"))
    }

    @Test func macrosInComputedFormulasUseTheDefinitionsBefore() throws {
        let document = try DocumentParser.parse("$\\newcommand{\\RR}{\\mathbb{R}}$ and $x = \\nb{1} \\in \\RR$\n")
        #expect(document.diagnostics.isEmpty)
        let computed = try #require(document.computedMath.first)
        #expect(computed.mathML { _ in "1" }.contains("ℝ"))
    }

    @Test func nestedCallsWithOpenArgumentsAreBounded() {
        // Each `\bra{` re-reads the rest of the formula as its argument: without a bound on the
        // tokens read, this costs time quadratic in the length.
        let (mathML, diagnostics) = render(String(repeating: "\\bra{", count: 5_000))
        #expect(mathML.contains("<merror>"))
        #expect(diagnostics.contains { $0.message.contains("64 times") })
    }

    @Test func aPageBudgetBoundsManyRecursiveFormulas() throws {
        let formula = "$\\def\\a{\\a\\a}\\a$ "
        let document = try DocumentParser.parse(String(repeating: formula, count: 200))
        #expect(document.diagnostics.count == 200)
    }
}
