import NBDocument

/// Front matter: the YAML reader (aliases, nesting, sizes) and the `nb:` options, `references:`.
struct FrontMatterTarget: FuzzTarget {
    let name = "frontmatter"
    let hangSeconds = 5.0
    let tokens = [
        "---\n", "title: ", "date: ", "tags: [", "categories: ", "nb:\n  ", "seed: ", "timeout: ", "rtol: ",
        "unsafe_html: ", "references:\n  - ", "bibliography: ", "&a ", "*a", "<<: *a", "!!str ", "!!binary ", "%YAML 1.2\n",
        "? ", "- ", "  ", "|\n  ", ">-\n  ", "'", "\"", "\\u0000", "#", "...\n", "{a: [", "]}", ", ",
        "2026-13-45", "~", "null", "yes", "0o17", ".inf", "-.nan",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] {
        notebooks.compactMap { notebook in
            let front = notebook.document.frontMatter
            guard front.closingLine > front.openingLine else { return nil }
            let lines = notebook.document.source.lineStarts
            guard front.closingLine < lines.count else { return nil }
            return Array(notebook.bytes[..<lines[front.closingLine]]) + Array("\nBody.\n".utf8)
        }
    }

    func run(_ input: [UInt8]) throws(Violation) {
        let source = SourceText(bytes: input)
        guard let result = try? FrontMatterParser.parse(source) else { return }
        guard result.bodyStart >= 0, result.bodyStart <= source.text.utf8.count else {
            throw Violation("front matter body start \(result.bodyStart) outside the text")
        }
    }
}
