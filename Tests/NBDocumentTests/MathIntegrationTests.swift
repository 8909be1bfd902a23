import Testing
@testable import NBDocument

/// How math travels through the pipeline (the converter itself is tested in Math/).
@Suite struct MathIntegrationTests {
    private func prose(_ document: Document) -> String {
        document.blocks.map { if case .prose(let p) = $0 { p.html } else { "" } }.joined()
    }

    @Test func standaloneDisplayMathIsABlock() throws {
        let html = prose(try DocumentParser.parse("Before.\n\n$$a_1 * b_2 * c$$\n\nInline $$x_1$$ here.\n"))
        #expect(html.contains("<div class=\"nb-math\"><math display=\"block\">"))
        #expect(html.contains("<p>Inline <math display=\"inline\">"))
        // Markdown did not touch the TeX: `_` and `*` survive.
        #expect(html.contains("a_1 * b_2 * c"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("\u{E000}"))
    }

    @Test func mathInCodeStaysSource() throws {
        let document = try DocumentParser.parse("```\n$$x$$\n```\n\n`$$y$$`\n\n[l](https://e.com/$$z$$)\n")
        #expect(document.blocks.first == .code(CodeBlock(language: nil, code: "$$x$$\n", location: TextLocation(line: 1, column: 1))))
        let html = prose(document)
        #expect(html.contains("<code>$$y$$</code>"))
        #expect(!html.contains("\u{E000}"))
    }

    @Test func placeholdersRoundTrip() {
        for index in [0, 1, 15, 16, 255, 4096, 1_000_000] {
            let placeholder = MathProtection.placeholder(index)
            #expect(placeholder.unicodeScalars.allSatisfy { (0xE000...0xE01F).contains($0.value) })
        }
    }

    @Test func headingTextKeepsTeX() throws {
        let document = try DocumentParser.parse("## About $$\\alpha$$\n")
        guard case .heading(let heading) = document.blocks.first else { Issue.record("heading expected"); return }
        #expect(heading.text == "About \\alpha")
        #expect(heading.html.contains("<math"))
    }
}

@Suite struct MathDiagnosticPositionTests {
    @Test func unknownCommandWarnsAtItsFilePosition() throws {
        let document = try DocumentParser.parse("---\ntitle: t\n---\n# H\n\nText $\\nosuchcommand x$ here.\n")
        let warning = try #require(document.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == TextLocation(line: 6, column: 7))
        #expect(warning.formatted(file: "n.md").hasPrefix("n.md:6:7: warning: "))
    }

    @Test func positionsOnLaterLinesOfDisplayMath() throws {
        let document = try DocumentParser.parse("$$a +\n\\nosuchcommand$$\n")
        #expect(document.diagnostics.first?.location == TextLocation(line: 2, column: 1))
    }
}
