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
        are). Exit status: 0 all passed, 1 any failed, 2 usage or unreadable input.
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

    func run() throws {
        let files: [String]
        do {
            files = try NotebookFiles.find(paths.isEmpty ? ["notebooks"] : paths)
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(2)
        }
        let options = NotebookTest.Options(accept: accept, filter: Set(filter), strict: strict)
        let interactive = isatty(STDERR_FILENO) != 0
        let reports = parallelMap(files, jobs: jobs) { file -> NotebookTest.Report in
            if interactive { FileHandle.standardError.write(Data("testing \(file)…\n".utf8)) }
            return NotebookTest(file: file, options: options).run()
        }
        var all: [CellTestResult] = []
        var inputErrors = false
        var unchecked = 0
        for report in reports {
            report.warnings.forEach(Terminal.error)
            if let error = report.inputError {
                Terminal.error(error)
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
                Terminal.error("\(junit): error: cannot write the JUnit report: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if mutants { runMutants(files) }
        let summary = TestSummary(all, uncheckedDisplays: unchecked)
        print(summary.line)
        if inputErrors { throw ExitCode(2) }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// Runs the mutants of each notebook in turn (each notebook's mutants in parallel) and prints
    /// the survivors and kill rates.
    private func runMutants(_ files: [String]) {
        var killed = 0, total = 0, notRun = 0
        let started = Date()
        for file in files {
            let report = MutationTest(file: file, options: .init(seed: mutantSeed, jobs: jobs, budget: mutantBudget)).run()
            if let error = report.inputError { Terminal.error(error); continue }
            report.survivors.forEach { print($0) }
            let run = report.mutants.count - report.notRun
            let rest = report.notRun > 0 ? ", \(report.notRun) not run (time budget)" : ""
            print("mutants \(file): \(report.killed) of \(run) killed (\(MutationRate.percent(report.killed, run)))\(rest)")
            killed += report.killed; total += run; notRun += report.notRun
        }
        let seconds = Date().timeIntervalSince(started)
        let rest = notRun > 0 ? ", \(notRun) not run" : ""
        print("mutants: \(killed) of \(total) killed (\(MutationRate.percent(killed, total)))\(rest) in \(String(format: "%.1f", seconds)) s")
    }
}
