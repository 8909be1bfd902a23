import Foundation
import Testing
@testable import NBDocument

/// cmark parsing a text in parts (`ChunkedParse`, cut where `ChunkBoundaries` allows) gives the
/// whole text's tree node for node: every top-level node with its position and its HTML, parts
/// cut as often as the text allows. And a document parsed in such parts is the document parsed
/// whole (blocks, diagnostics, inline code).
@Suite struct ChunkedParseTests {
    /// A top-level node as compared: position in the whole text (1-based lines) and cmark's HTML.
    struct Node: Equatable, CustomStringConvertible {
        var start: (line: Int, column: Int)
        var end: (line: Int, column: Int)
        var html: String

        static func == (a: Node, b: Node) -> Bool {
            a.start == b.start && a.end == b.end && a.html == b.html
        }

        var description: String { "\(start.line):\(start.column)-\(end.line):\(end.column) \(html.debugDescription)" }
    }

    private static func nodes(of tree: CmarkTree, firstLine: Int) -> [Node] {
        tree.root.children.map {
            Node(start: ($0.startLine + firstLine, $0.startColumn), end: ($0.endLine + firstLine, $0.endColumn),
                 html: tree.html($0))
        }
    }

    /// The top-level nodes of `markdown` parsed in parts of at least `partSize` bytes, and the
    /// number of parts.
    static func parsed(_ markdown: String, partSize: Int, whole: Bool = false) -> (nodes: [Node], parts: Int) {
        var text = markdown
        var result: [Node] = []
        var parts = 0
        text.withUTF8 { bytes in
            ChunkedParse.parse(bytes, unsafe: false, whole: whole, partSize: partSize,
                               looksAhead: ReferenceDetector.looksAhead(from:)) { part in
                result += nodes(of: part.tree, firstLine: part.firstLine)
                parts += 1
            }
        }
        return (result, parts)
    }

    /// Texts with a construct near every place a cut could go wrong, and how many parts each
    /// must be cut into at least (so that the cut is really tried).
    static let cases: [(String, Int)] = [
        // Link reference definitions are document-wide, before or after their use: never cut.
        ("[a][x] and [b]\n\npara\n\n[x]: /url \"title\"\n\nmore\n\n[b]: /b\n", 1),
        ("para\n\n> [x]: /quoted\n\nuse [x]\n", 1),
        // A list continues across blank lines (and becomes loose); a cut goes after it.
        ("- a\n\n- b\n\npara\n\n- c\n\n  continued\n\nend\n", 3),
        ("1. a\n\n2. b\n\n10) c\n\npara\n\n* d\n+ e\n\nend\n", 3),
        ("- a\n\n\n- b\n\nend\n", 2),
        // Fenced code with blank lines: no cut inside, in a list or not.
        ("```\ncode\n\nnot a para\n\n```\n\nafter\n\nmore\n", 3),
        ("~~~~ info\n\nx\n\n~~~\nstill\n\n~~~~\n\nafter\n", 2),
        // (the list's fence ends with the list; the fence after it runs to the end)
        ("- item\n  ```\n  code\n\nx\n\n```\ny\n\nz\n\nw\n", 1),
        ("``` a`b\n\nx\n\ny\n", 3),
        ("```\n\nunclosed\n\nto the end\n", 1),
        // HTML blocks: kinds 1–5 run across blank lines, 6 and 7 end at one. (After a cut that
        // does not hold, the next one tried is twice as far: fewer parts than cuts.)
        ("<!--\ncomment\n\nstill\n-->\n\npara\n\nmore\n", 2),
        ("<pre>\n\nx\n\n</pre>\n\nq\n\nr\n", 3),
        ("<script>\n\na\n\n</script>\n\nb\n", 2),
        ("<?php\n\nx\n\n?>\n\ny\n", 2),
        ("<!DOCTYPE\n\nx\n\n>\n\ny\n", 1),
        ("<![CDATA[\n\nx\n\n]]>\n\ny\n", 1),
        ("<!DOCTYPE\n\nx\n\n>\n\ny\n\nz\n\nw\n\nv\n", 2),
        ("<div>\n\ntext\n\n</div>\n\nz\n", 4),
        ("<span>x</span>\n\n<custom-tag>\n\ny\n", 3),
        // Block quotes and lazy continuation.
        ("> a\n\n> b\n\nc\n\n> d\ne\n\nf\n", 3),
        ("> quote\nlazy\n\nnext\n\n- item\nlazy\n\nq\n", 3),
        ("> ```\n> code\n\nafter\n\nx\n", 3),
        // Setext headings and thematic breaks.
        ("Title\n===\n\ntext\n---\n\nx\n\n===\n\n___\n\ny\n", 5),
        ("a\n\n---\n\nb\n\n***\n\nc\n", 3),
        // Indented code.
        ("    code\n\n    more\n\nx\n\n    code2\n\n\ty\n\nz\n", 3),
        ("- item\n\n      indented in item\n\nout\n", 2),
        // Bare-URL reference entries keep their title paragraph.
        ("https://a.example/1\n\nTitle one\n\nhttps://b.example/2\n\n<https://c.example>\n\nTitle\n\nend\n", 2),
        // Line endings, tabs, a byte-order mark, NUL.
        ("a\r\n\r\nb\r\n\r\n- c\r\n\r\nd\r\n", 3),
        ("a\r\rb\n\nc\n", 1),
        ("\u{FEFF}# Title\n\n\u{FEFF}x\n\ny\n", 2),
        ("a\n\n \n\t\nb\n\nc\u{0}d\n\ne", 3),
        // Headings, empty text, blank lines only.
        ("# h1\n\n## h2\ntext\n\n#no\n\n", 3),
        ("", 1),
        ("\n\n\n", 1),
    ]

    @Test(arguments: cases.indices)
    func partsGiveTheWholeTree(_ index: Int) {
        let (markdown, parts) = Self.cases[index]
        let whole = Self.parsed(markdown, partSize: 0, whole: true)
        let chunked = Self.parsed(markdown, partSize: 1)
        #expect(whole.parts == 1)
        #expect(chunked.nodes == whole.nodes, "\(markdown.debugDescription)")
        #expect(chunked.parts >= parts, "\(markdown.debugDescription): \(chunked.parts) parts")
    }

    /// Every pair of cases, one after the other, and with a paragraph between.
    @Test func casesTogether() {
        for (first, _) in Self.cases {
            for (second, _) in Self.cases {
                for markdown in [first + second, first + "\nbetween\n\n" + second] {
                    #expect(Self.parsed(markdown, partSize: 1).nodes == Self.parsed(markdown, partSize: 0, whole: true).nodes,
                            "\(markdown.debugDescription)")
                }
            }
        }
    }

    /// The CommonMark spec's examples (the fixture of NBRenderTests).
    static let specExamples: [String] = {
        struct Example: Decodable { var markdown: String }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../NBRenderTests/Page/Fixtures/CommonMark/spec-0.31.2.json")
        guard let data = try? Data(contentsOf: url), let all = try? JSONDecoder().decode([Example].self, from: data) else { return [] }
        return all.map(\.markdown)
    }()

    /// Every spec example, alone and followed by a paragraph and itself again.
    @Test func specExamplesAlone() {
        #expect(Self.specExamples.count == 652)
        for example in Self.specExamples {
            for markdown in [example, example + "\nx\n\n" + example, example + "\n\nx\n\n" + example] {
                #expect(Self.parsed(markdown, partSize: 1).nodes == Self.parsed(markdown, partSize: 0, whole: true).nodes,
                        "\(markdown.debugDescription)")
            }
        }
    }

    /// Documents made of spec examples and the cases above in a seeded random order, joined by
    /// nothing, a line feed, a blank line or a paragraph; those without reference definitions are
    /// cut into many parts.
    @Test func specExamplesTogether() {
        let pieces = Self.specExamples.filter { !$0.contains("]:") } + Self.cases.map(\.0).filter { !$0.contains("]:") }
        let joints = ["", "\n", "\n\n", "\n\nx\n\n"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var cutInto = 0
        for _ in 0..<200 {
            var markdown = ""
            for _ in 0..<(2 + random(30)) {
                markdown += pieces[random(pieces.count)] + joints[random(joints.count)]
            }
            let chunked = Self.parsed(markdown, partSize: 1)
            #expect(chunked.nodes == Self.parsed(markdown, partSize: 0, whole: true).nodes, "\(markdown.debugDescription)")
            cutInto += chunked.parts
        }
        #expect(cutInto > 1000)
        // All cuttable examples that leave no block open (an unclosed fence would take the rest)
        // in one document.
        let all = pieces.filter { Self.parsed($0 + "\n\nx\n\ny\n", partSize: 1).parts > 1 }.joined(separator: "\n\nx\n\n")
        let chunked = Self.parsed(all, partSize: 1)
        #expect(chunked.nodes == Self.parsed(all, partSize: 0, whole: true).nodes)
        #expect(chunked.parts > 300)
    }

    @Test func referenceDefinitionsForbidCutting() {
        var text = "[a]: /u\n\nb\n\nc\n"
        #expect(!text.withUTF8 { ChunkBoundaries($0) }.cuttable)
        text = "- [ ] task\n\nb\n\nc\n" // a line starting `[` but no `]:` in the text
        #expect(text.withUTF8 { ChunkBoundaries($0) }.cuttable)
    }

    @Test func cutsAreAtLineStartsAfterBlankLines() {
        var text = "a\n\nb\n  \nc\n\n- d\n\n> e\n\n    f\n\ng"
        let candidates = text.withUTF8 { ChunkBoundaries($0) }.candidates
        #expect(candidates == [.init(offset: 3, line: 2), .init(offset: 8, line: 4), .init(offset: 28, line: 12)])
    }

    /// The repository's Markdown (user docs, notebooks, test fixtures), each parsed in the
    /// smallest parts and whole.
    @Test func repositoryDocumentsAreTheSame() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "md" && !$0.path.contains("/.build/") } ?? []
        #expect(files.count >= 20)
        for file in files {
            let source = SourceText(bytes: [UInt8](try Data(contentsOf: file)))
            let whole = try DocumentParser.parse(source, partSize: .max)
            let chunked = try DocumentParser.parse(source, partSize: 1)
            #expect("\(chunked.blocks)" == "\(whole.blocks)", "\(file.path)")
            #expect("\(chunked.diagnostics)" == "\(whole.diagnostics)", "\(file.path)")
            #expect("\(chunked.inlineCode)" == "\(whole.inlineCode)", "\(file.path)")
        }
    }

    /// A formula's MathML is dropped with the part its placeholder is in, unless the text can make
    /// a placeholder of its own (a numeric character reference for U+E000…): then a later part may
    /// still show an earlier formula, as a whole parse does.
    @Test func mathMadeByReferencesStaysAvailable() throws {
        let markdown = "$x$\n\ntext\n\nmore\n\n&#xE000;&#xE010;&#xE001;\n"
        for partSize in [1, Int.max] {
            let document = try DocumentParser.parse(SourceText(markdown), partSize: partSize)
            guard case .prose(let last)? = document.blocks.last else {
                Issue.record("no prose block")
                continue
            }
            #expect(last.html.contains("<math"), "\(last.html)")
        }
    }

    /// A document (math, cells, inline code, references, headings) parsed in the smallest parts is
    /// the document parsed whole.
    @Test func documentIsTheSame() throws {
        let markdown = """
        ---
        title: T
        ---

        # Intro $x$

        Text with $a^2$ and `{nb} 1 + 1` and [a link](/u).

        ```nb
        let x = 1
        ```

        ```output
        1
        ```

        - item `{nb} 2`

          ```nb
          nested
          ```

        $$
        \\label{e1} y = 1
        $$

        See \\eqref{e1}.

        ## References

        https://example.com/a

        A title

        https://example.com/b

        """
        let whole = try DocumentParser.parse(SourceText(markdown), partSize: .max)
        let chunked = try DocumentParser.parse(SourceText(markdown), partSize: 1)
        #expect("\(chunked.blocks)" == "\(whole.blocks)")
        #expect("\(chunked.diagnostics)" == "\(whole.diagnostics)")
        #expect("\(chunked.inlineCode)" == "\(whole.inlineCode)")
        #expect(chunked.blocks.count == 8)
    }
}
