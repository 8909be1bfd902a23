import Testing
@testable import NBDocument

@Suite struct BadInputTests {
    @Test func invalidUTF8IsRepairedWithAWarning() throws {
        var bytes = Array("# Title\n\nok \u{4E2D} ".utf8)
        bytes += [0xFF, 0xC3, 0x28, 0x80]
        bytes += Array(" end\n".utf8)
        let document = try DocumentParser.parse(bytes: bytes)
        #expect(!document.source.isLossless)
        #expect(document.source.text.contains("\u{FFFD}"))
        #expect(!document.diagnostics.isEmpty)
        #expect(document.diagnostics.allSatisfy { $0.location.line == 3 && $0.message.contains("UTF-8") })
        #expect(document.diagnostics.first?.location.column == 6)
    }

    @Test func unterminatedDisplayMathStaysTextWithAWarning() throws {
        let document = try DocumentParser.parse("Intro.\n\n$$x + 1\n\nMore.\n")
        #expect(document.diagnostics.contains { $0.location.line == 3 && $0.severity == .warning })
        guard case .prose(let prose) = document.blocks[1] else { Issue.record("prose expected"); return }
        #expect(prose.html.contains("$$x + 1"))
        #expect(!prose.html.contains("<math"))
    }

    @Test func deeplyNestedQuotesAndBrackets() throws {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        #expect(try DocumentParser.parse(quotes).blocks.count == 1)
        let brackets = String(repeating: "[", count: 10_000) + "x" + String(repeating: "]", count: 10_000) + "\n"
        #expect(try DocumentParser.parse(brackets).blocks.count == 1)
        let braces = "$$" + String(repeating: "{", count: 10_000) + "$$\n"
        #expect(try DocumentParser.parse(braces).blocks.count == 1)
        let lists = String((0..<2_000).map { _ in "- " }.joined()) + "x\n"
        #expect(try DocumentParser.parse(lists).blocks.count == 1)
    }

    @Test func largeFile() throws {
        let paragraph = "Prose with *emphasis*, `code`, a [link](https://example.com), 中文 and $x^2$ math.\n\n"
        let text = String(repeating: paragraph, count: 60_000) // ≈ 5 MB
        let document = try DocumentParser.parse(text)
        #expect(document.blocks.count == 60_000)
        #expect(document.blocks.last?.location.line == 119_999)
    }

    @Test func emptyAndOddInputs() throws {
        #expect(try DocumentParser.parse("").blocks.isEmpty)
        #expect(try DocumentParser.parse("\n\n\n").blocks.isEmpty)
        #expect(try DocumentParser.parse("---").blocks.count == 1)
        #expect(try DocumentParser.parse("\u{E000}\u{E010}\u{E001} lookalike\n").blocks.count == 1)
        #expect(try DocumentParser.parse("```nb").cells.count == 1)
        #expect(try DocumentParser.parse("\r\r\r```nb\r```\r").cells.first?.location.line == 4)
    }

    @Test func missingFileAndDirectory() {
        do {
            _ = try DocumentParser.parse(contentsOfFile: "/nonexistent/nb/file.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadable)
        }
        do {
            _ = try DocumentParser.parse(contentsOfFile: "/tmp")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.message.contains("directory"))
        }
    }
}

@Suite struct DocumentModelTests {
    @Test func titleFallsBackToTheFirstLevelOneHeading() throws {
        #expect(try DocumentParser.parse("## Sub\n\n# Main *title*\n").title == "Main title")
        #expect(try DocumentParser.parse("---\ntitle: Front\n---\n# Main\n").title == "Front")
        #expect(try DocumentParser.parse("text\n").title == nil)
    }

    @Test func rawHTMLBlockKeptOnlyWhenUnsafe() throws {
        // Safe mode writes libcmark's placeholder, as cmark does for the same input.
        #expect(try DocumentParser.parse("<div>x</div>\n").blocks == [.prose(Prose(html: "<!-- raw HTML omitted -->\n", location: TextLocation(line: 1, column: 1)))])
        let unsafe = try DocumentParser.parse("---\nnb:\n  unsafe_html: yes\n---\n<div>x</div>\n")
        #expect(unsafe.blocks == [.prose(Prose(html: "<div>x</div>\n", location: TextLocation(line: 5, column: 1)))])
    }

    @Test func errorMessagesNameFileLineAndColumn() {
        let error = DocumentError(.malformedFrontMatter, "front matter is not valid YAML", at: TextLocation(line: 3, column: 5), hint: "fix it")
        #expect(error.formatted(file: "a.md") == "a.md:3:5: error: front matter is not valid YAML\n  hint: fix it")
        #expect(DocumentError(.unreadable, "no such file").formatted(file: "b.md") == "b.md: error: no such file")
    }
}
