import Testing
@testable import NBDocument

@Suite struct CellTests {
    /// The bytes of `range` in `text`.
    private func bytes(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    static let notebook = """
    ---
    title: Cells
    ---
    Intro with $x$ math.

    ```nb id=cube echo=false
    f(x) = x^3
    f(2)
    ```
    ```output
    8
    ```

    ```swift
    let x = 1
    ```

      ~~~~nb output=false error=true timeout=2.5
      1/0
      ~~~~

    Between.

    ```output
    orphan
    ```

    """

    @Test func cellsOptionsAndSource() throws {
        let document = try DocumentParser.parse(Self.notebook)
        let cells = document.cells
        #expect(cells.count == 2)
        #expect(cells[0].id == "cube" && cells[0].anchor == "cell-cube")
        #expect(cells[0].options == CellOptions(id: "cube", echo: false))
        #expect(cells[0].source == "f(x) = x^3\nf(2)\n")
        #expect(cells[0].location == TextLocation(line: 6, column: 1))
        #expect(cells[0].sourceLocation == TextLocation(line: 7, column: 1))
        #expect(cells[1].id == "2")
        #expect(cells[1].options == CellOptions(output: false, error: true, timeout: 2.5))
        #expect(cells[1].source == "1/0\n")
        #expect(cells[1].location == TextLocation(line: 18, column: 3))
        #expect(cells[1].sourceLocation == TextLocation(line: 19, column: 3))
        #expect(document.diagnostics.isEmpty)
    }

    @Test func byteRanges() throws {
        let text = Self.notebook
        let document = try DocumentParser.parse(text)
        let cells = document.cells
        #expect(bytes(text, cells[0].fenceRange) == "```nb id=cube echo=false\nf(x) = x^3\nf(2)\n```")
        let output = try #require(cells[0].expectedOutput)
        #expect(output.text == "8\n")
        #expect(bytes(text, output.bodyRange) == "8\n")
        #expect(bytes(text, output.fenceRange) == "```output\n8\n```")
        #expect(output.location == TextLocation(line: 10, column: 1))
        #expect(output.isClosed)
        #expect(bytes(text, cells[1].fenceRange) == "~~~~nb output=false error=true timeout=2.5\n  1/0\n  ~~~~")
        #expect(cells[1].expectedOutput == nil)
        // An output block after something else is plain code.
        #expect(document.blocks.contains(.code(CodeBlock(language: "output", code: "orphan\n", location: TextLocation(line: 24, column: 1)))))
        #expect(document.blocks.contains(.code(CodeBlock(language: "swift", code: "let x = 1\n", location: TextLocation(line: 14, column: 1)))))
    }

    @Test func crlfRangesAreFileBytes() throws {
        let text = "# T\r\n\r\n```nb\r\nx = 1\r\nx\r\n```\r\n```output\r\n1\r\n```\r\nafter\r\n"
        let document = try DocumentParser.parse(text)
        let cell = try #require(document.cells.first)
        #expect(cell.location == TextLocation(line: 3, column: 1))
        #expect(bytes(text, cell.fenceRange) == "```nb\r\nx = 1\r\nx\r\n```")
        // cmark hands code over with `\n` line endings; the byte ranges keep the file's.
        #expect(cell.source == "x = 1\nx\n")
        #expect(cell.expectedOutput?.text == "1\n")
        let output = try #require(cell.expectedOutput)
        #expect(bytes(text, output.bodyRange) == "1\r\n")
        #expect(output.location == TextLocation(line: 7, column: 1))
        #expect(document.blocks.last?.location == TextLocation(line: 10, column: 1))
    }

    @Test func emptyAndUnclosedOutput() throws {
        let empty = "```nb\nx\n```\n```output\n```\n"
        let output = try #require(try DocumentParser.parse(empty).cells.first?.expectedOutput)
        #expect(output.bodyRange.isEmpty)
        #expect(bytes(empty, output.bodyRange.lowerBound..<empty.utf8.count) == "```\n")

        let unclosed = "```nb\nx\n```\n```output\n1\n2"
        let open = try #require(try DocumentParser.parse(unclosed).cells.first?.expectedOutput)
        #expect(!open.isClosed)
        #expect(bytes(unclosed, open.bodyRange) == "1\n2")
    }

    @Test func positionsAfterMultiLineMathAreFileLines() throws {
        let text = "$$a\n+ b\n+ c$$\n\n```nb\nx\n```\n"
        let document = try DocumentParser.parse(text)
        let cell = try #require(document.cells.first)
        #expect(cell.location == TextLocation(line: 5, column: 1))
        #expect(bytes(text, cell.fenceRange) == "```nb\nx\n```")
    }

    @Test func columnsCountCharacters() throws {
        let document = try DocumentParser.parse("> 引用 ```x```\n>\n> ```nb\n> y\n> ```\n")
        // Nested fences are shown as code, with a warning; top-level cells only.
        #expect(document.cells.isEmpty)
        #expect(document.diagnostics.map(\.location) == [TextLocation(line: 3, column: 3)])
        let source = SourceText("数学 $x$")
        #expect(source.location(ofByte: 7) == TextLocation(line: 1, column: 4))
    }

    @Test func badOptionsWarn() throws {
        let document = try DocumentParser.parse("```nb echo=maybe colour=red python id=a\nx\n```\n```nb id=a\ny\n```\n")
        #expect(document.cells.map(\.id) == ["a", "a-2"])
        #expect(document.cells[0].options.echo)
        #expect(document.diagnostics.count == 4)
        #expect(document.diagnostics.allSatisfy { $0.location.line == 1 || $0.location.line == 4 })
    }

    @Test func infoMustStartWithTheWordNb() throws {
        #expect(CellOptions.isCell(info: "nb"))
        #expect(CellOptions.isCell(info: "nb id=x"))
        #expect(!CellOptions.isCell(info: "nbx"))
        #expect(!CellOptions.isCell(info: "python nb"))
    }
}
