import Testing
@testable import NBDocument

@Suite struct FrontMatterTests {
    @Test func readsJekyllKeysAndOptions() throws {
        let document = try DocumentParser.parse("""
        ---
        layout: post
        title:  "Dual numbers: a tour"
        date: 2019-05-01 10:00:00 +0800
        category: DL
        categories: [notes, autodiff]
        tags: ad forward-mode
        nb:
          seed: 42
          timeout: 5
          rtol: 1e-5
          atol: 0.001
          unsafe_html: true
        references:
          - id: griewank
            title: Evaluating Derivatives
        bibliography: refs.bib
        ---
        # Body

        """)
        let front = document.frontMatter
        #expect(front.layout == "post")
        #expect(front.title == "Dual numbers: a tour")
        #expect(front.date == "2019-05-01 10:00:00 +0800")
        #expect(front.categories == ["DL", "notes", "autodiff"])
        #expect(front.tags == ["ad", "forward-mode"])
        #expect(front.options == NotebookOptions(seed: 42, timeout: 5, rtol: 1e-5, atol: 0.001, unsafeHTML: true))
        #expect(front.bibliography == "refs.bib")
        #expect(front.references?.elements?.first?["id"]?.scalar == "griewank")
        #expect(front.references?.line == 15)
        #expect(front.openingLine == 1 && front.closingLine == 18)
        #expect(document.diagnostics.isEmpty)
        // The body's line numbers are the file's.
        #expect(document.blocks.first?.location == TextLocation(line: 19, column: 1))
    }

    @Test func noFrontMatter() throws {
        let document = try DocumentParser.parse("# Title\n\ntext\n")
        #expect(document.frontMatter == FrontMatter())
        #expect(document.title == "Title")
    }

    @Test func thematicBreakLaterIsNotFrontMatter() throws {
        let document = try DocumentParser.parse("text\n\n---\n\nmore\n")
        #expect(document.frontMatter.fields.isEmpty)
        #expect(document.blocks.count == 3)
    }

    @Test func emptyFrontMatterAndDotsClose() throws {
        #expect(try DocumentParser.parse("---\n---\nx\n").frontMatter.fields.isEmpty)
        #expect(try DocumentParser.parse("---\ntitle: T\n...\nx\n").frontMatter.title == "T")
    }

    @Test func badOptionsWarnWithTheirLine() throws {
        let document = try DocumentParser.parse("---\nnb:\n  seed: many\n  colour: red\n---\n")
        #expect(document.frontMatter.options == NotebookOptions())
        #expect(document.diagnostics.map(\.location.line) == [3, 4])
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(document.diagnostics[1].message.contains("colour"))
    }

    @Test func unterminatedFrontMatterIsAnErrorOnLineOne() {
        #expect(throws: DocumentError.self) { try DocumentParser.parse("---\ntitle: x\n\n# Heading\n") }
        do {
            _ = try DocumentParser.parse("---\ntitle: x\n")
        } catch {
            #expect(error.kind == .unterminatedFrontMatter)
            #expect(error.location == TextLocation(line: 1, column: 1))
            #expect(error.formatted(file: "a.md").hasPrefix("a.md:1:1: error: front matter"))
        }
    }

    @Test(arguments: [
        ("---\ntitle: ok\ndate: [unclosed\n---\n", 4),   // the parser notices at the closing line
        ("---\ntitle: ok\n  bad: indent\n---\n", 3),
        ("---\ntitle: \"open\n---\n", 3),
    ])
    func malformedYAMLNamesItsLine(text: String, line: Int) {
        do {
            _ = try DocumentParser.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedFrontMatter)
            #expect(error.location?.line == line)
            #expect(error.hint != nil)
        }
    }

    @Test(arguments: ["---\nFoo\n---\nBar\n", "---\n- just\n- a list\n---\nBar\n"])
    func aBlockThatIsNotAMappingIsMarkdown(text: String) throws {
        let document = try DocumentParser.parse(text)
        #expect(document.frontMatter == FrontMatter())
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.severity == .warning)
        #expect(document.diagnostics.first?.location == TextLocation(line: 1, column: 1))
        #expect(document.diagnostics.first?.message.contains("read as Markdown") == true)
        // The first `---` is a thematic break and the text is the page's.
        #expect(document.blocks.first?.location == TextLocation(line: 1, column: 1))
        #expect(document.blocks.contains { if case .prose(let prose) = $0 { prose.html.contains("Bar") } else { false } })
    }

    @Test func byteOrderMarkBeforeFrontMatter() throws {
        let document = try DocumentParser.parse("\u{FEFF}---\ntitle: BOM\n---\ntext\n")
        #expect(document.frontMatter.title == "BOM")
        #expect(document.blocks.count == 1)
    }

    @Test func crlfFrontMatter() throws {
        let document = try DocumentParser.parse("---\r\ntitle: Windows\r\n---\r\nbody\r\n")
        #expect(document.frontMatter.title == "Windows")
        #expect(document.blocks.first?.location == TextLocation(line: 4, column: 1))
    }
}
