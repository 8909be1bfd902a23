import Foundation

/// The parent process of a run: starts the loop in a child process, and when the child dies
/// (a crash) keeps the input it was running as `crash-TARGET-HASH.bin`. Without `--keep-going`
/// the first finding ends the run with status 1; with it, a fresh child continues until the
/// budget is spent. Prints one summary line.
struct Supervisor {
    let options: FuzzOptions
    /// How long past its time budget a child may run (the longest hang limit, with room to spare).
    static let graceSeconds = 60.0

    func run() -> Int32 {
        let store = FindingStore(folder: options.output, target: options.target)
        let start = Date()
        var executions = 0, findings = 0, crashes = 0
        var restart = 0
        while true {
            let elapsed = Date().timeIntervalSince(start)
            let seconds = options.seconds.map { $0 - elapsed }
            let runs = options.runs.map { $0 - executions }
            if let seconds, seconds <= 0.5 { break }
            if let runs, runs <= 0 { break }
            try? FileManager.default.removeItem(at: store.statistics)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            if !FileManager.default.isExecutableFile(atPath: child.executableURL!.path) {
                child.executableURL = Bundle.main.executableURL
            }
            child.arguments = options.childArguments(restart: restart, seconds: seconds, runs: runs)
            // The Swift runtime's backtracer can stall on a crashed thread it cannot suspend; a
            // crash is reproduced with `nb-fuzz replay`, which prints the backtrace.
            child.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            do { try child.run() } catch {
                FileHandle.standardError.write(Data("nb-fuzz: cannot start the fuzzing process: \(error)\n".utf8))
                return 2
            }
            // A child past its budget by more than the longest hang limit is stuck: kill it.
            let killAt = seconds.map { Date().addingTimeInterval($0 + Self.graceSeconds) }
            var killed = false
            while child.isRunning {
                Thread.sleep(forTimeInterval: 0.1)
                if let killAt, Date() > killAt, !killed {
                    kill(child.processIdentifier, SIGKILL)
                    killed = true
                }
            }
            let counted = store.readStatistics()
            executions += counted.executions
            findings += counted.findings
            let status = child.terminationStatus
            let signalled = child.terminationReason == .uncaughtSignal
            // Any status but the fuzzer's own (0 done, 2 usage, 3 hang, 4 memory, 5 invariant)
            // means the runtime ended the process on a crash.
            let ownStatuses: Set<Int32> = [0, 2, Fuzzer.hangStatus, Fuzzer.memoryStatus, Fuzzer.violationStatus]
            if signalled || !ownStatuses.contains(status) {
                crashes += 1
                findings += 1
                executions += 1
                let input = (try? Data(contentsOf: store.currentInput)).map { Array($0) } ?? []
                let what = killed ? "stuck past its budget, killed" : signalled ? "killed by signal \(status)" : "exited with status \(status)"
                let path = store.save(input, kind: "crash", message: what)
                FileHandle.standardError.write(Data("nb-fuzz \(options.target): crash (\(what))\n  input: \(path)\n  backtrace: nb-fuzz replay \(options.target) \(path)\n".utf8))
            } else if status == 2 {
                return 2
            }
            if status == 0 && !signalled { break }
            if !options.keepGoing { break }
            restart += 1
        }
        let minutes = Date().timeIntervalSince(start) / 60
        let rate = Double(executions) / max(minutes * 60, 0.001)
        print("nb-fuzz \(options.target): \(executions) executions in \(String(format: "%.2f", minutes)) min (\(Int(rate))/s), seed \(options.seed), \(findings) finding\(findings == 1 ? "" : "s") (\(crashes) crash\(crashes == 1 ? "" : "es"))")
        return findings == 0 ? 0 : 1
    }
}
