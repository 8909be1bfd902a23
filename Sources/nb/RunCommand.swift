import ArgumentParser
import Foundation
import NBDocument
import NBExecution

/// `nb run FILE.md` (SPEC §2): run the cells and print the text transcript (SPEC §5).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook's cells and print their text transcript.",
        discussion: """
        Prints each cell's output (values, print output, tables as aligned text, plots as one \
        summary line, errors as `error: MESSAGE (line L)`) one after another on stdout. A failed \
        cell is also reported on stderr as `file:line:col: error: …` with the source line and a \
        caret. Exit status: 0 ok, 1 a cell failed, 2 usage or unreadable input.
        """
    )

    @Argument(help: "The Markdown notebook to run.")
    var file: String

    @OptionGroup var terminal: TerminalOptions

    func run() throws {
        let progress = terminal.progress()
        defer { progress?.finish() }
        let diagnostics = DiagnosticPrinter(progress: progress)
        let document = try Terminal.parse(file, diagnostics: diagnostics)
        let text = document.source.text
        diagnostics.report(document.diagnostics, file: file, source: text)
        var execution = NotebookExecution(document: document, path: file)
        execution.progress = progress
        let result = execution.run()
        progress?.finish()
        for outcome in result.outcomes {
            let text = outcome.transcript
            if !text.isEmpty { print(text) }
        }
        diagnostics.report(NotebookExecution.diagnostics(document.cells, result.outcomes), file: file, source: text)
        // Inline code in the prose is not part of the transcript; its failures are diagnostics.
        diagnostics.report(NotebookExecution.diagnostics(document.inlineCode, result.inlineOutcomes), file: file, source: text)
        diagnostics.printCount()
        if result.failed { throw ExitCode(1) }
    }
}
