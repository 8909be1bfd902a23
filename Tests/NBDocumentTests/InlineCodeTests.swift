import Testing
@testable import NBDocument

/// `{nb}` code spans and `\nb{…}` in math: what counts as inline code, where it is, and what
/// stays ordinary code (issue 17).
@Suite struct InlineCodeTests {
    @Test func codeSpansBecomeInlineCodeWithTheirPositions() throws {
        let document = try DocumentParser.parse("Intro `{nb} 1 + 2` and `{nb} assert 1 < 2`, then `plain`.\n")
        #expect(document.inlineCode.map(\.kind) == [.expression, .check])
        #expect(document.inlineCode.map(\.source) == ["1 + 2", "assert 1 < 2"])
        #expect(document.inlineCode[0].location == TextLocation(line: 1, column: 13))
        #expect(document.inlineCode[1].location == TextLocation(line: 1, column: 30))
        guard case .prose(let prose) = document.blocks[0] else { Issue.record("no prose"); return }
        #expect(prose.html.contains("<code>plain</code>"))
        #expect(!prose.html.contains("{nb}"))
    }

    @Test func positionsCountCJKCharactersAsOneColumnAndCRLFAsOneLineEnd() throws {
        let text = "---\r\ntitle: 中文\r\n---\r\n\r\n中文的句子 `{nb} x` 还有\r\n第二行 `{nb} y + 1`。\r\n"
        let document = try DocumentParser.parse(text)
        #expect(document.inlineCode.count == 2)
        #expect(document.inlineCode[0].location == TextLocation(line: 5, column: 13))
        #expect(document.inlineCode[1].location == TextLocation(line: 6, column: 11))
        let bytes = Array(text.utf8)
        for code in document.inlineCode {
            #expect(String(decoding: bytes[code.offset..<(code.offset + code.source.utf8.count)], as: UTF8.self) == code.source)
        }
        #expect(document.inlineCode[1].sentence == "中文的句子 `{nb} x` 还有 第二行 `{nb} y + 1`。")
    }

    @Test func spansInCodeBlocksOutputBlocksAndDoubleBackticksAreNotInlineCode() throws {
        let text = """
        Show the syntax: `` `{nb} x` ``.

        ```
        `{nb} 1/0`
        ```

        ```nb
        x = 1
        ```
        ```output
        `{nb} nothing`
        ```

            `{nb} indented`

        `{nb}x` has no space after the marker, and `{nb}` alone is the marker.
        """
        let document = try DocumentParser.parse(text)
        #expect(document.inlineCode.isEmpty)
        guard case .prose(let prose) = document.blocks[0] else { Issue.record("no prose"); return }
        #expect(prose.html.contains("<code>`{nb} x`</code>"))
    }

    @Test func inlineCodeInAHeadingStaysCodeWithAWarning() throws {
        let document = try DocumentParser.parse("# Result `{nb} 1`\n\nText.\n")
        #expect(document.inlineCode.isEmpty)
        #expect(document.diagnostics.contains { $0.message.contains("heading") && $0.location.line == 1 })
    }

    @Test func mathValuesAreInlineCodeInAComputedFormula() throws {
        let text = "Then $f'(2) = \\nb{df(2)}$ and $$x = \\nb{ {1} } + 1$$ here.\n"
        let document = try DocumentParser.parse(text)
        #expect(document.inlineCode.map(\.kind) == [.math, .math])
        #expect(document.inlineCode.map(\.source) == ["df(2)", "{1}"])
        #expect(document.inlineCode[0].location == TextLocation(line: 1, column: 19))
        #expect(document.computedMath.count == 2)
        #expect(document.computedMath[0].codes == [0])
        #expect(!document.diagnostics.contains { $0.severity == .warning })
        let filled = document.computedMath[0].mathML { _ in "4" }
        #expect(filled.contains("<mn>4</mn>"))
        #expect(filled.contains("f&#x27;(2) = 4") || filled.contains("(2) = 4"))
    }

    @Test func proseHTMLRefersToInlineCodeByPlaceholders() throws {
        let document = try DocumentParser.parse("a `{nb} 1` b $\\nb{2}$ c\n")
        guard case .prose(let prose) = document.blocks[0] else { Issue.record("no prose"); return }
        let filled = document.fillingInline(prose.html, code: { "[code \($0.source)]" }, math: { "[math \($0.codes)]" })
        #expect(filled == "<p>a [code 1] b [math [1]] c</p>\n")
    }

    @Test func sentenceIsTheOneAroundTheCode() throws {
        let text = "First sentence. The value is `{nb} x` here,\nacross lines! Next one.\n"
        let document = try DocumentParser.parse(text)
        #expect(document.inlineCode.first?.sentence == "The value is `{nb} x` here, across lines!")
    }
}
