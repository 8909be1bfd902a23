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
        The last line is `N passed, N failed` (`, N skipped` when some are). Exit status: 0 all \
        passed, 1 any failed, 2 usage or unreadable input.
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

    func run() throws {
        let files: [String]
        do {
            files = try NotebookFiles.find(paths.isEmpty ? ["notebooks"] : paths)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        let options = NotebookTest.Options(accept: accept, filter: Set(filter))
        let interactive = isatty(STDERR_FILENO) != 0
        let reports = parallelMap(files, jobs: jobs) { file -> NotebookTest.Report in
            if interactive { FileHandle.standardError.write(Data("testing \(file)…\n".utf8)) }
            return NotebookTest(file: file, options: options).run()
        }
        var all: [CellTestResult] = []
        var inputErrors = false
        for report in reports {
            report.warnings.forEach(Terminal.error)
            if let error = report.inputError {
                Terminal.error(error)
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
                Terminal.error("\(junit): error: cannot write the JUnit report: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        let summary = TestSummary(all)
        print(summary.line)
        if inputErrors { throw ExitCode(2) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
