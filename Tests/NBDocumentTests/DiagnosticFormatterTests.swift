import NBDocument
import Testing

@Suite struct DiagnosticFormatterTests {
    @Test func plainReportHasPositionSourceLineCaretAndHint() {
        let diagnostic = Diagnostic(.error, "expected an expression, found end of cell", at: TextLocation(line: 7, column: 9),
                                    hint: "the expression is incomplete")
        let text = DiagnosticFormatter().format(diagnostic, file: "a.md", sourceLine: "y = (a +")
        #expect(text == """
        a.md:7:9: error: expected an expression, found end of cell
            7 | y = (a +
              |         ^
          hint: the expression is incomplete
        """)
    }

    @Test func caretCountsCharactersAndKeepsTabs() {
        let diagnostic = Diagnostic(.warning, "unknown command \\foo", at: TextLocation(line: 12, column: 5))
        let text = DiagnosticFormatter().format(diagnostic, file: "b.md", sourceLine: "\t数学 $\\foo$")
        #expect(text == "b.md:12:5: warning: unknown command \\foo\n   12 | \t数学 $\\foo$\n      | \t   ^")
    }

    @Test func withoutTheLineOrOutsideItOnlyTheHeadAndHint() {
        let diagnostic = Diagnostic(.error, "m", at: TextLocation(line: 3, column: 40), hint: "h")
        #expect(DiagnosticFormatter().format(diagnostic, file: "c.md", sourceLine: "short") == "c.md:3:40: error: m\n  hint: h")
        #expect(DiagnosticFormatter().format(diagnostic, file: "c.md", sourceLine: nil) == "c.md:3:40: error: m\n  hint: h")
        let whole = Diagnostic(.error, "cannot read the file", at: TextLocation(line: 0, column: 0))
        #expect(DiagnosticFormatter().format(whole, file: "d.md", sourceLine: "x") == "d.md: error: cannot read the file")
    }

    @Test func coloursWrapTheParts() {
        let diagnostic = Diagnostic(.error, "m", at: TextLocation(line: 1, column: 1), hint: "h")
        let text = DiagnosticFormatter(colours: true).format(diagnostic, file: "e.md", sourceLine: "x")
        #expect(text.contains("\u{1B}[1me.md:1:1:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mm\u{1B}[0m"))
        #expect(text.contains("| \u{1B}[1;32m^\u{1B}[0m"))
        #expect(text.contains("\u{1B}[1;36mhint:\u{1B}[0m h"))
        let warning = Diagnostic(.warning, "w", at: TextLocation(line: 1, column: 1))
        #expect(DiagnosticFormatter(colours: true).format(warning, file: "e.md", sourceLine: nil).contains("\u{1B}[1;35mwarning:"))
    }

    @Test func linesAreFoundByNumber() {
        #expect(DiagnosticFormatter.line(2, of: "a\nb\r\nc") == "b\r")
        #expect(DiagnosticFormatter.line(4, of: "a\nb") == nil)
        #expect(DiagnosticFormatter.line(0, of: "a") == nil)
    }
}
