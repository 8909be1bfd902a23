import Foundation

/// The parent process of a run: starts the loop in a child process, and when the child dies
/// (a crash) keeps the input it was running as `crash-TARGET-HASH.bin`. Without `--keep-going`
/// the first finding ends the run with status 1; with it, a fresh child continues until the
/// budget is spent. Prints one summary line.
struct Supervisor {
    let options: FuzzOptions

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
            if crashes > 0 {
                // One backtrace per run is enough to read; later crashes only name their input.
                child.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            }
            do { try child.run() } catch {
                FileHandle.standardError.write(Data("nb-fuzz: cannot start the fuzzing process: \(error)\n".utf8))
                return 2
            }
            child.waitUntilExit()
            let counted = store.readStatistics()
            executions += counted.executions
            findings += counted.findings
            let status = child.terminationStatus
            if child.terminationReason == .uncaughtSignal {
                crashes += 1
                findings += 1
                executions += 1
                let input = (try? Data(contentsOf: store.currentInput)).map { Array($0) } ?? []
                let path = store.save(input, kind: "crash", message: "killed by signal \(status)")
                FileHandle.standardError.write(Data("nb-fuzz \(options.target): crash (signal \(status))\n  input: \(path)\n".utf8))
            } else if status == 2 {
                return 2
            }
            let ended = child.terminationReason == .uncaughtSignal || status != 0
            if !ended { break }
            if !options.keepGoing { break }
            restart += 1
        }
        let minutes = Date().timeIntervalSince(start) / 60
        let rate = Double(executions) / max(minutes * 60, 0.001)
        print("nb-fuzz \(options.target): \(executions) executions in \(String(format: "%.2f", minutes)) min (\(Int(rate))/s), seed \(options.seed), \(findings) finding\(findings == 1 ? "" : "s") (\(crashes) crash\(crashes == 1 ? "" : "es"))")
        return findings == 0 ? 0 : 1
    }
}
