import ArgumentParser
import Foundation
import NBCheck
import NBDocument
import NBExecution

/// `nb test [PATH...]` (SPEC §2, §6): run notebooks as test suites.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run notebooks and check their outputs, asserts and gradient checks.",
        discussion: """
        A cell counts as a test when it has an `output` block, an assert, a gradtable or gradcheck, \
        or error=true. Numbers in output blocks match within rtol/atol (1e-6/1e-9 unless the front \
        matter's `nb:` says otherwise); other text must match exactly after trimming trailing spaces. \
        The last line is `N passed, N failed` (`, N skipped` when some are). Warnings — the \
        document's, and those a render would give about references, citations and links — go to \
        stderr with their count. Exit status: 0 all passed, 1 any failed (or, with --warnings-as-errors, \
        there was a warning), 2 usage or unreadable input.
        """
    )

    @Argument(help: "Notebooks or folders of notebooks (default: notebooks/).")
    var paths: [String] = []

    @Flag(help: "Rewrite the bodies of output blocks with the actual output (and add missing ones); every other byte stays.")
    var accept = false

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Only judge the cells with this id (repeatable); others count as skipped.")
    var filter: [String] = []

    @Option(help: "Notebooks tested at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var warnings: WarningOptions

    func run() throws {
        let progress = terminal.progress()
        defer { progress?.finish() }
        let diagnostics = DiagnosticPrinter(warningsAsErrors: warnings.warningsAsErrors, progress: progress)
        let files: [String]
        do {
            files = try NotebookFiles.find(paths.isEmpty ? ["notebooks"] : paths)
        } catch let error as NotebookFiles.NotFound {
            diagnostics.report(error: "no such file or folder", about: error.path)
            throw ExitCode(2)
        }
        let options = NotebookTest.Options(accept: accept, filter: Set(filter), progress: progress)
        let reports = parallelMap(files, jobs: jobs) { file -> NotebookTest.Report in
            NotebookTest(file: file, options: options).run()
        }
        progress?.finish()
        var all: [CellTestResult] = []
        var inputErrors = false
        for report in reports {
            diagnostics.report(report.diagnostics, file: report.file, source: report.source)
            if let source = report.source, let document = try? DocumentParser.parse(source) {
                diagnostics.report(rendered: ProseWarnings.of(document, file: report.file), file: report.file,
                                   relativePath: URL(fileURLWithPath: report.file).lastPathComponent, source: source)
            }
            if let error = report.inputDiagnostic {
                diagnostics.report(error, file: report.file)
                inputErrors = true
                continue
            }
            let summary = TestSummary(report.results)
            let accepted = accept && report.acceptedEdits > 0 ? ", \(report.acceptedEdits) output blocks rewritten" : ""
            print("\(summary.failed == 0 ? "ok  " : "FAIL") \(report.file): \(summary.line)\(accepted)")
            for failure in report.failures { print(failure) }
            all += report.results
        }
        if let junit {
            do {
                try AtomicFile.write(JUnitReport.xml(all), to: URL(fileURLWithPath: junit))
            } catch {
                diagnostics.report(error: "cannot write the JUnit report: \(error.localizedDescription)", about: junit)
                diagnostics.printCount()
                throw ExitCode(2)
            }
        }
        let summary = TestSummary(all)
        print(summary.line)
        if inputErrors {
            diagnostics.printCount()
            throw ExitCode(2)
        }
        try diagnostics.finish()
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
