import Testing
@testable import NBDocument

/// Backslash-escaped parentheses and brackets, `$` and `$$` inside link destinations, titles,
/// reference definitions and autolinks are not math: the page has exactly libcmark's HTML.
@Suite struct MathInLinksTests {
    /// Prose HTML of the document, as nb renders it.
    private func rendered(_ markdown: String) throws -> String {
        try DocumentParser.parse(markdown).blocks.map { block -> String in
            if case .prose(let prose) = block { return prose.html }
            return ""
        }.joined()
    }

    /// libcmark's HTML for the same Markdown, with no math protection at all.
    private func cmark(_ markdown: String) -> String {
        let tree = CmarkTree(markdown: markdown, unsafe: false)
        var html = ""
        var node = tree.root.firstChild
        while let current = node {
            html += tree.html(current)
            node = current.next
        }
        return html
    }

    static let sameAsCmark: [String] = [
        "[x](https://en.wikipedia.org/wiki/Foo_\\(bar\\))\n",
        "See [the page](https://en.wikipedia.org/wiki/Foo_\\(bar\\)) and more.\n",
        "[x](https://e.org/a\\[b\\] \"t\")\n",
        "[x](https://e.org/$a$b \"title $y$\")\n",
        "[x](https://e.org/$$a$$)\n",
        "[x](<a $b$ \\(c\\)> \"t $x$ \\(y\\)\")\n",
        "[x](/u \"a \\\"q\\\" \\(b\\)\")\n",
        "[x](/u 'a \\(b\\)')\n",
        "[x](/u (a \\(b\\)))\n",
        "[x](\n/u\\(v\\)\n)\n",
        "![img](/x\\(y\\).png)\n",
        "[foo]: /u\\(x\\) \"t\\(y\\)\"\n\n[foo]\n",
        "[foo]:\n  /u\\(x\\)\n  'title $a$'\n\n[foo]\n",
        "See <http://a/\\(b\\)> here.\n",
        "See <https://e.org/$x$> and <a$b$c@e.org>.\n",
        "[a [b](/c\\(d\\))](/e)\n",
        "[x](/a(b)c\\(d\\))\n",
        "> quoted [x](/u\\(v\\)) link\n",
        "- item [x](/u\\(v\\))\n- [y](/w\\[z\\])\n",
        "[a]: /u\\(b\\)\n[c]: </d $e$>\n\n[a] and [c]\n",
    ]

    @Test(arguments: sameAsCmark)
    func destinationIsCmarks(_ markdown: String) throws {
        #expect(try rendered(markdown) == cmark(markdown))
    }

    @Test func mathAroundLinksStillRenders() throws {
        let html = try rendered("[$x$ and \\(y\\)](/u\\(v\\)) then $z$ and \\(w\\)\n")
        #expect(html.contains("href=\"/u(v)\""))
        #expect(html.components(separatedBy: "<math").count - 1 == 4)
    }

    @Test func headingLink() throws {
        let document = try DocumentParser.parse("## Heading [x](/u\\(v\\)) $y$\n")
        guard case .heading(let heading) = document.blocks.first else { Issue.record("heading expected"); return }
        #expect(heading.html.contains("href=\"/u(v)\""))
        #expect(heading.html.contains("<math"))
    }

    @Test func textAfterAReferenceDefinitionKeepsItsMath() throws {
        let html = try rendered("[a]: /u\\(b\\)\nText $x$ and [a].\n")
        #expect(html.contains("href=\"/u(b)\""))
        #expect(html.components(separatedBy: "<math").count - 1 == 1)
        // Not a definition (text follows the destination on its line): the line is text with math.
        #expect(try rendered("[a]: b $x$\n").contains("<math"))
    }

    @Test func notALinkKeepsItsMath() throws {
        // No `[` before the `]`: cmark reads `(…)` as text, so its `\(y\)` is math.
        let html = try rendered("a](b \\(y\\))\n")
        #expect(html.contains("<math"))
        // A destination with a space is not one: the parentheses are text and `\(x\)` is math.
        #expect(try rendered("[a](b c \\(x\\))\n").contains("<math"))
    }

    @Test func manyLinksOnOneLine() throws {
        let markdown = String(repeating: "[x](https://e.org/F_\\(b\\)) ", count: 2_000) + "\n"
        #expect(try rendered(markdown) == cmark(markdown))
    }
}
