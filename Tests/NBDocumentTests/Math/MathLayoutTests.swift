import Testing
@testable import NBDocument

/// Spacing and shapes as TeX sets them, in MathML that Chromium lays out that way
/// (checked in a browser: docs/format.md, "How formulas are laid out").
struct MathLayoutTests {
    static let tight = "<mo lspace=\"0\" rspace=\"0\">"

    @Test func plusAfterAnEllipsisIsBinary() {
        #expect(mathBody("p_1 + \\dots + p_n").contains("…</mo><mo>+</mo>"))
        #expect(mathBody("x_1 + \\cdots + x_n").contains("⋯</mo><mo>+</mo>"))
        #expect(mathBody("a_1 + … + a_n").contains("…</mi><mo>+</mo>"))
        #expect(mathBody("p_1 + ...+p_n").contains(".</mo><mo>+</mo>"))
        // A sign after an operator stays a sign.
        #expect(mathBody("= -1").contains("<mo form=\"prefix\">−</mo>"))
    }

    @Test func operatorsInScriptsAreTight() {
        #expect(mathBody("w_{k+1}") == "<msub><mi>w</mi><mrow><mi>k</mi>\(Self.tight)+</mo><mn>1</mn></mrow></msub>")
        #expect(mathBody("\\sum_{i=1}^n x_i", display: true).contains("<mrow><mi>i</mi>\(Self.tight)=</mo><mn>1</mn></mrow>"))
        #expect(mathBody("\\sum_{i=1}^n x_i").contains("<mrow><mi>i</mi>\(Self.tight)=</mo><mn>1</mn></mrow>"))
        #expect(mathBody("e^{-x^2}").contains("<mo form=\"prefix\" lspace=\"0\" rspace=\"0\">−</mo>")
                || mathBody("e^{-x^2}").contains("<mo lspace=\"0\" rspace=\"0\">−</mo>"))
        // Outside scripts the operator dictionary's spaces stay.
        #expect(mathBody("a + b = c") == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi><mo>=</mo><mi>c</mi></mrow>")
    }

    @Test func fractionPartsAreTightOnlyInScriptStyle() {
        // Inline: numerator and denominator in script style (TeX's T → S).
        #expect(mathBody("\\frac{a+b}{c}").contains("<mi>a</mi>\(Self.tight)+</mo>"))
        // Display: in text style, spaced.
        #expect(mathBody("\\frac{a+b}{c}", display: true).contains("<mi>a</mi><mo>+</mo>"))
        #expect(mathBody("\\dfrac{a+b}{c}").contains("<mi>a</mi><mo>+</mo>"))
        #expect(mathBody("\\tfrac{a+b}{c}", display: true).contains("<mi>a</mi>\(Self.tight)+</mo>"))
        // `\displaystyle` inside an inline formula switches back to spaced parts.
        #expect(mathBody("\\displaystyle \\frac{a+b}{c}").contains("<mi>a</mi><mo>+</mo>"))
    }

    @Test func functionNamesSpaceLikeTeX() {
        // Op then Open: no space; Op then Ord (a plain bar is an Ord): a thin space.
        #expect(mathBody("\\sin(x)").contains("<mi>sin</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo>"))
        #expect(mathBody("\\min \\|x\\|").contains("<mi>min</mi><mo>&#x2061;</mo><mspace width=\"0.1667em\"/><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo>"))
        #expect(mathBody("\\log \\left| x \\right|").contains("<mi>log</mi><mo>&#x2061;</mo><mrow><mo form=\"prefix\""))
    }

    @Test func largeOperatorsKeepTheirSpacingInScripts() {
        #expect(mathBody("e^{\\sum x}").contains("<mo>∑</mo>"))
    }

    @Test func accentsAreSpacingCharactersAndWideOnesStretch() {
        #expect(mathBody("\\tilde x") == "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˜</mo></mover>")
        #expect(mathBody("\\hat x") == "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">ˆ</mo></mover>")
        #expect(mathBody("\\bar x") == "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>")
        #expect(mathBody("\\vec v") == "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"true\">&#x20D7;</mo></mover>")
        #expect(mathBody("\\widetilde{xy}") == "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">˜</mo></mover>")
        #expect(mathBody("\\widehat{xy}") == "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy=\"true\">ˆ</mo></mover>")
        // No ASCII tilde or circumflex is ever drawn as an accent.
        for tex in ["\\tilde a", "\\widetilde{ab}", "\\hat a", "\\widehat{ab}"] {
            #expect(!mathBody(tex).contains(">~</mo>") && !mathBody(tex).contains(">^</mo>"), "\(tex)")
        }
    }

    @Test func binomialBracketsFitTheirStyle() {
        // Text style: text-size brackets, not a stretched size variant that stands off the stack.
        #expect(mathBody("\\binom{n}{k}") == "<mrow><mo form=\"prefix\" fence=\"true\" stretchy=\"false\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo form=\"postfix\" fence=\"true\" stretchy=\"false\">)</mo></mrow>")
        #expect(mathBody("\\binom{n}{k}", display: true).contains("<mo form=\"prefix\" fence=\"true\" stretchy=\"true\">(</mo>"))
        #expect(mathBody("\\dbinom{n}{k}").contains("stretchy=\"true\">(</mo>"))
        #expect(mathBody("\\tbinom{n}{k}", display: true).contains("stretchy=\"false\">(</mo>"))
    }

    @Test func primeIsItalicWithAPrimeCharacter() {
        #expect(mathBody("f'(x)") == "<mrow><mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func alignedColumnsUseAlignmentChromiumHonours() {
        let body = mathBody("\\begin{aligned} a &= b + c \\\\ ab &= c \\end{aligned}")
        #expect(body.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding-right:0\"><mi>a</mi></mtd>"))
        #expect(body.contains("<mtd style=\"text-align:left;text-align:-webkit-left;padding-left:0\"><mo>=</mo>"))
        let array = mathBody("\\begin{array}{rl} 1 & 2 \\end{array}")
        #expect(array.contains("<mtd style=\"text-align:right;text-align:-webkit-right\"><mn>1</mn></mtd>"))
    }

    @Test func tableRulesAreCellBorders() {
        // `\begin{array}{r|l} 1 & 2 \\ \hline 30 & 4 \end{array}`, as the parser builds it.
        let table = MathTable(rows: [[.number("1"), .number("2")], [.number("30"), .number("4")]],
                              columnAlignments: [.right, .left], displayStyle: false, flushPairs: false,
                              columnLines: [.none, .solid, .none], rowLines: [.none, .solid])
        var writer = MathMLWriter()
        writer.write(.table(table))
        let right = "text-align:right;text-align:-webkit-right", left = "text-align:left;text-align:-webkit-left"
        #expect(writer.output == "<mtable columnalign=\"right left\"><mtr>"
            + "<mtd style=\"\(right);border-right:0.06em solid;border-bottom:0.06em solid\"><mn>1</mn></mtd>"
            + "<mtd style=\"\(left);border-bottom:0.06em solid\"><mn>2</mn></mtd></mtr><mtr>"
            + "<mtd style=\"\(right);border-right:0.06em solid\"><mn>30</mn></mtd>"
            + "<mtd style=\"\(left)\"><mn>4</mn></mtd></mtr></mtable>")
    }

    @Test func framedTablePadsShortRowsAndDrawsEveryEdge() {
        // `{|c|c|}` with `\hline` above, between and below; the second row has one cell.
        let table = MathTable(rows: [[.number("1"), .number("2")], [.number("3")]],
                              columnAlignments: [.center], displayStyle: false, flushPairs: false,
                              columnLines: [.solid, .solid, .solid], rowLines: [.solid, .dashed, .solid])
        var writer = MathMLWriter()
        writer.write(.table(table))
        let output = writer.output
        #expect(output.contains("<mtd style=\"border-left:0.06em solid;border-right:0.06em solid;border-top:0.06em solid;border-bottom:0.06em dashed\"><mn>1</mn></mtd>"))
        #expect(output.contains("<mtd style=\"border-right:0.06em solid;border-bottom:0.06em solid\"></mtd></mtr>"))
        #expect(output.components(separatedBy: "<mtd").count - 1 == 4)
    }
}
