import Testing
@testable import NBDocument

/// Diagnostics carry byte spans and are located once; columns count characters (Unicode scalars).
@Suite struct DiagnosticPositionTests {
    @Test func mathWarningAfterCJKTextPointsAtTheCommand() throws {
        // `中文中文 ` is 5 characters (13 bytes): `$` is column 6, `\foo` column 7.
        let document = try DocumentParser.parse("# 标题\n\n中文中文 $\\foo$ 结束。\n")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.message == "unknown command \\foo")
        #expect(warning.location == TextLocation(line: 3, column: 7))
        #expect(warning.formatted(file: "p.md") == "p.md:3:7: warning: unknown command \\foo")
        // The span is the command's bytes in the file.
        let span = try #require(warning.span)
        #expect(document.source.slice(span) == "\\foo")
    }

    @Test func unterminatedDisplayMathAfterCJKText() throws {
        let document = try DocumentParser.parse("---\ntitle: t\n---\n公式 $$x + 1\n")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.message.contains("unterminated $$"))
        #expect(warning.location == TextLocation(line: 4, column: 4))
    }

    @Test func continuationLineOfAFormulaInABlockQuote() throws {
        // The converter sees the TeX without the `> ` of the second line; the warning still points
        // at the command in the file.
        let document = try DocumentParser.parse("> $$a +\n> 中 \\foo$$\n")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.location == TextLocation(line: 2, column: 5))
        #expect(document.source.slice(try #require(warning.span)) == "\\foo")
    }

    @Test func optionalArgumentWarningsPointInsideTheBrackets() throws {
        let document = try DocumentParser.parse("é $\\sqrt[\\foo]{x}$\n")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.location == TextLocation(line: 1, column: 10))
    }

    @Test func manyWarningsOnOneLongCJKLine() throws {
        let count = 300
        let line = String(repeating: "中文$\\foo$ ", count: count)
        let document = try DocumentParser.parse(line + "\n")
        let columns = document.diagnostics.map(\.location.column)
        // Each repetition is 9 characters; `\foo` is the 4th of its piece.
        #expect(columns == (0..<count).map { 9 * $0 + 4 })
        #expect(document.diagnostics.allSatisfy { $0.location.line == 1 })
    }

    @Test func locateMatchesOneByOneConversion() {
        let source = SourceText("a中\r\nbé\rc\n\n中文x")
        let offsets = Array(0...source.text.utf8.count)
        let diagnostics = offsets.reversed().map { Diagnostic(.warning, "w", span: $0..<$0) }
        let located = source.locate(diagnostics)
        for (diagnostic, offset) in zip(located, offsets.reversed()) {
            #expect(diagnostic.location == source.location(ofByte: offset), "offset \(offset)")
        }
        // Diagnostics without a span keep their location.
        let fixed = Diagnostic(.warning, "w", at: TextLocation(line: 9, column: 9))
        #expect(source.locate([fixed]) == [fixed])
    }
}
