import Foundation
import NBDocument
import NBExecution
import NBRender

/// A whole notebook through the page pipeline of `nb render`: parse, run the cells, resolve the
/// bibliography and citations, render the page.
///
/// Cells run with their timeout capped at 0.5 s (set on the parsed document, so a mutated
/// `timeout=` cannot make an input slow). Unless the notebook opts into `unsafe_html`, the page
/// must pass `HTMLInvariants`.
struct RenderTarget: FuzzTarget {
    let name = "render"
    let hangSeconds = 20.0
    /// The folder notebooks are rendered in (bibliography files and data are read from it).
    var root: URL

    static let cellTimeout = 0.5

    let tokens = [
        "# ", "## Heading $x$\n", "> ", "* ", "1. ", "    ", "| a | b |\n|---|---|\n", "[x]: javascript:alert(1)\n",
        "[link](javascript:alert(1))", "![img](data:text/html,x)", "<http://x.y/<script>>", "[@knuth]", "[@",
        "references:\n  - id: k\n    title: T\n", "bibliography: refs.bib\n", "nb:\n  unsafe_html: false\n",
        "\\[x\\]", "$$\n\\frac{1}{2}\n$$", "`code $x$`", "<div>", "<!--", "-->", "&#106;avascript:",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] {
        notebooks.flatMap { [NotebookSeeds.cheapened($0), NotebookSeeds.cheapened($0, offset: 7)] }
    }

    func run(_ input: [UInt8]) throws(Violation) {
        guard var document = try? DocumentParser.parse(bytes: input) else { return }
        document.blocks = document.blocks.map { block in
            guard case .cell(var cell) = block else { return block }
            cell.options.timeout = min(cell.options.timeout ?? Self.cellTimeout, Self.cellTimeout)
            return .cell(cell)
        }
        let renderer = NotebookPageRenderer(root: root, cache: nil, engineVersion: NotebookExecution.engineVersion)
        let rendered = renderer.render(document, source: NotebookSource(relativePath: "fuzz.md", text: document.source.text))
        // The embedded stylesheet is the same for every page (and carries the 400 KB math font):
        // a linked one keeps each run about the page's own content.
        let page = HTMLPage.render(document, blocks: rendered.blocks, stylesheet: .linked("style.css"))
        guard !document.frontMatter.options.unsafeHTML else { return }
        try HTMLInvariants.check(page, what: "page", page: true)
    }
}
