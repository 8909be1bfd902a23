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
        A cell that displays something without an output block is an unchecked display: counted in \
        the last line, a failure with --strict. With --mutants, small edits are made to the cells \
        (operators, signs, constants, builtins, arguments) and each edit the checks do not notice \
        is reported as `file:line:col: changing X to Y was not detected`, with the kill rate. \
        The last line is `N passed, N failed` (`, N skipped`, `, N unchecked displays` when some \
        are). Warnings — the document's, and those a render would give about references, citations \
        and links — go to stderr with their count. Exit status: 0 all passed, 1 any failed (or, with \
        --warnings-as-errors, there was a warning), 2 usage or unreadable input.
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

    @Flag(help: "Fail on cells that display something no output block checks (a deleted block included).")
    var strict = false

    @Flag(help: "Mutation testing: report the edits to cell sources that no check detects, and the kill rate.")
    var mutants = false

    @Option(name: .customLong("mutant-seed"), help: "Seed of the order mutants run in (default 0).")
    var mutantSeed: UInt64 = 0

    @Option(name: .customLong("mutant-budget"), help: "Seconds per notebook after which no further mutant starts (default: no limit).")
    var mutantBudget: Double?

    func validate() throws {
        if mutants, accept { throw ValidationError("--mutants cannot be combined with --accept") }
        if let mutantBudget, !(mutantBudget > 0) { throw ValidationError("--mutant-budget must be a positive number of seconds") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

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
        let options = NotebookTest.Options(accept: accept, filter: Set(filter), strict: strict, progress: progress)
        let reports = parallelMap(files, jobs: jobs) { file -> NotebookTest.Report in
            NotebookTest(file: file, options: options).run()
        }
        progress?.finish()
        var all: [CellTestResult] = []
        var inputErrors = false
        var unchecked = 0
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
            let summary = TestSummary(report.results, uncheckedDisplays: report.uncheckedDisplays.count)
            unchecked += report.uncheckedDisplays.count
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
        if mutants { runMutants(files) }
        let summary = TestSummary(all, uncheckedDisplays: unchecked)
        print(summary.line)
        if inputErrors {
            diagnostics.printCount()
            throw ExitCode(2)
        }
        try diagnostics.finish()
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// Runs the mutants of each notebook in turn (each notebook's mutants in parallel) and prints
    /// the survivors and kill rates.
    private func runMutants(_ files: [String]) {
        var killed = 0, total = 0, notRun = 0, equivalent = 0
        let started = Date()
        for file in files {
            let report = MutationTest(file: file, options: .init(seed: mutantSeed, jobs: jobs, budget: mutantBudget)).run()
            if let error = report.inputError { Terminal.error(error); continue }
            report.survivors.forEach { print($0) }
            report.equivalents.forEach { print($0) }
            var rest = report.equivalent > 0 ? ", \(report.equivalent) equivalent" : ""
            if report.notRun > 0 { rest += ", \(report.notRun) not run (time budget)" }
            print("mutants \(file): \(report.killed) of \(report.counted) killed (\(MutationRate.percent(report.killed, report.counted)))\(rest)")
            killed += report.killed; total += report.counted; notRun += report.notRun; equivalent += report.equivalent
        }
        let seconds = Date().timeIntervalSince(started)
        var rest = equivalent > 0 ? ", \(equivalent) equivalent" : ""
        if notRun > 0 { rest += ", \(notRun) not run" }
        print("mutants: \(killed) of \(total) killed (\(MutationRate.percent(killed, total)))\(rest) in \(String(format: "%.1f", seconds)) s")
    }
}
