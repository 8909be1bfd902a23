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
        path. Warnings and errors go to stderr as `file:line:col: severity: message` with the source \
        line, followed by their count. Exit status: 0 ok, 1 a cell failed (the page is still written) \
        or, with --warnings-as-errors, there was a warning, 2 usage or unreadable input.
        """
    )

    @Argument(help: "The Markdown notebook to render.")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Where to write the page (default: site/<name>.html).")
    var output: String?

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var warnings: WarningOptions

    func run() throws {
        let progress = terminal.progress()
        defer { progress?.finish() }
        let diagnostics = DiagnosticPrinter(warningsAsErrors: warnings.warningsAsErrors, progress: progress)
        let document = try Terminal.parse(file, diagnostics: diagnostics)

        // The same page pipeline as `nb build`: cells, link-list and front-matter references,
        // BibTeX, [@id] citations — without the site chrome.
        let url = URL(fileURLWithPath: file)
        var renderer = NotebookPageRenderer(root: url.deletingLastPathComponent(), cache: nil,
                                            engineVersion: NotebookExecution.engineVersion)
        renderer.progress = progress
        renderer.indexesText = false
        let source = NotebookSource(relativePath: url.lastPathComponent, text: document.source.text)
        let rendered = renderer.render(document, source: source)
        progress?.finish()
        diagnostics.report(rendered: rendered.diagnostics, file: file, relativePath: source.relativePath,
                           source: document.source.text)
        let destination = output ?? RenderCommand.defaultOutput(for: file)
        do {
            // Regenerable, like a site's pages: atomic (renamed into place) but not flushed to the
            // device, which would cost more than rendering a small notebook. Written block by block:
            // the page is never one string in memory.
            try AtomicFile.write(to: URL(fileURLWithPath: destination), durable: false) { write in
                // The renderer found the page's language already (a pass over the whole text).
                try HTMLPage.write(document, blocks: rendered.blocks, language: rendered.language ?? "en", to: write)
            }
        } catch {
            diagnostics.report(error: "cannot write the page: \(error.localizedDescription)", about: destination)
            diagnostics.printCount()
            throw ExitCode(2)
        }
        print(destination)
        try diagnostics.finish()
        if rendered.failed { throw ExitCode(1) }
    }

    /// `site/<name>.html`, `<name>` being the file name without its extension.
    static func defaultOutput(for file: String) -> String {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return "site/\(name).html"
    }
}
