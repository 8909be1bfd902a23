import Testing
@testable import NBDocument

/// Equation numbers: `\label`, `\tag`, `\nonumber`, numbered environments, `\eqref` links across a page.
struct MathEquationNumberTests {
    private func prose(_ document: Document) -> String {
        document.blocks.map { if case .prose(let p) = $0 { p.html } else { "" } }.joined()
    }

    @Test func labelledDisplayFormulasAreNumberedInPageOrderAndLinked() throws {
        let markdown = """
        See \\(\\eqref{eq:b}\\) and $\\ref{eq:a}$.

        $$E = mc^2 \\label{eq:a}$$

        $$x$$

        $$\\begin{equation} y \\label{eq:b} \\end{equation}$$

        $$\\begin{equation*} z \\end{equation*}$$
        """
        let document = try DocumentParser.parse(markdown)
        #expect(document.diagnostics.isEmpty)
        let html = prose(document)
        // Forward references are resolved: (2) before the equation that defines it.
        #expect(html.contains("<mtext><a href=\"#eq-eq:b\">(2)</a></mtext>"))
        #expect(html.contains("<mtext><a href=\"#eq-eq:a\">1</a></mtext>"))
        #expect(html.contains("<mrow id=\"eq-eq:a\">"))
        #expect(html.contains("<mtext>(1)</mtext>"))
        #expect(html.contains("<mtext>(2)</mtext>"))
        #expect(!html.contains("(3)"))
        #expect(!html.contains("\u{E010}"))
    }

    @Test func alignNumbersEachRowUnlessNonumber() {
        let (mathML, diagnostics) = MathML.render("\\begin{align} a &= b \\label{r1} \\\\ c &= d \\nonumber \\\\ e &= f \\tag{*} \\\\ g &= h \\end{align}",
                                                  display: true)
        #expect(diagnostics.isEmpty)
        #expect(mathML.contains("<mtext>(1)</mtext>"))
        #expect(mathML.contains("<mtext>(*)</mtext>"))
        #expect(mathML.contains("<mtext>(2)</mtext>"))
        #expect(!mathML.contains("(3)"))
        #expect(mathML.contains("<mrow id=\"eq-r1\">"))
        let (starred, _) = MathML.render("\\begin{align*} a &= b \\\\ c &= d \\end{align*}", display: true)
        #expect(!starred.contains("(1)"))
        // A trailing \\ makes no extra numbered row.
        let (trailing, _) = MathML.render("\\begin{align} a &= b \\\\ \\end{align}", display: true)
        #expect(trailing.components(separatedBy: "<mtr>").count == 2)
        #expect(!trailing.contains("(2)"))
    }

    @Test func tagsAndUnknownReferences() {
        let (tagged, _) = MathML.render("x \\tag{A.1}", display: true)
        #expect(tagged.contains("<mtext>(A.1)</mtext>"))
        let (starred, _) = MathML.render("x \\tag*{[A]}", display: true)
        #expect(starred.contains("<mtext>[A]</mtext>"))
        let (unknown, _) = MathML.render("\\eqref{nowhere}", display: false)
        #expect(unknown.contains("<a href=\"#eq-nowhere\">(??)</a>"))
        // Anchors keep only safe characters.
        let (hostile, _) = MathML.render("\\eqref{\"><script>}", display: false)
        #expect(hostile.contains("href=\"#eq----script-\""))
    }

    @Test func aReferenceToNoLabelWarnsWithItsLine() throws {
        let document = try DocumentParser.parse("Text.\n\nSee $\\eqref{nope}$.\n")
        #expect(document.diagnostics.map(\.message) == ["\\eqref{nope}: no equation on this page has \\label{nope}; shown as (??)"])
        #expect(document.diagnostics.first?.location == TextLocation(line: 3, column: 6))
    }

    @Test func aLabelUsedTwiceWarns() throws {
        let document = try DocumentParser.parse("$$a \\label{x}$$\n\n$$b \\label{x}$$\n")
        #expect(document.diagnostics.map(\.message) == ["\\label{x} is used twice on this page; \\eqref links to the first"])
        #expect(document.diagnostics.first?.location.line == 3)
    }

    @Test func rulesAreInTheTableModel() {
        let tex = "\\begin{array}{c|cc|}\\hline a & b & c \\\\ \\hline d & e & f \\\\ \\hline \\end{array}"
        var source = tex
        let table: MathTable? = source.withUTF8 { bytes in
            var parser = TeXParser(bytes: bytes, display: true)
            if case .table(let table) = parser.parseFormula() { return table }
            return nil
        }
        #expect(table?.rowLines == [.solid, .solid, .solid])
        #expect(table?.columnLines == [.none, .solid, .none, .solid])
        #expect(table?.rows.count == 2)
    }
}
