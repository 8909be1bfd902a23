import ArgumentParser
import Foundation
import NBDocument
import NBExecution
import NBRender

/// `nb render FILE.md [-o OUT.html]` (SPEC §2).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one notebook to a self-contained HTML page.",
        discussion: """
        Writes site/<name>.html (relative to the current folder) unless -o is given, and prints the \
        path. Exit status: 0 ok, 1 a cell failed (the page is still written), 2 usage or unreadable input.
        """
    )

    @Argument(help: "The Markdown notebook to render.")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the page (default: site/<name>.html).")
    var output: String?

    func run() throws {
        let document = try Terminal.parse(file)

        // The same page pipeline as `nb build`: cells, link-list and front-matter references,
        // BibTeX, [@id] citations — without the site chrome.
        let url = URL(fileURLWithPath: file)
        let renderer = NotebookPageRenderer(root: url.deletingLastPathComponent(), cache: nil,
                                            engineVersion: NotebookExecution.engineVersion)
        let source = NotebookSource(relativePath: url.lastPathComponent, text: document.source.text)
        let rendered = renderer.render(document, source: source)
        for var diagnostic in rendered.diagnostics {
            diagnostic.file = file
            Terminal.error(diagnostic.description)
        }
        let page = HTMLPage.render(document, body: rendered.blocks.map(\.html).joined())
        let destination = output ?? RenderCommand.defaultOutput(for: file)
        do {
            try AtomicFile.write(page, to: URL(fileURLWithPath: destination))
        } catch {
            Terminal.error("\(destination): error: cannot write the page: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print(destination)
        if rendered.failed { throw ExitCode(1) }
    }

    /// `site/<name>.html`, `<name>` being the file name without its extension.
    static func defaultOutput(for file: String) -> String {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "site/\(name).html"
    }
}
