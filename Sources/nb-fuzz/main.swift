// nb-fuzz: a seeded mutation fuzzer for nb's parsers, evaluator, page rendering and --accept.
// See docs/fuzzing.md for the design and how to add a finding as a fixture.
import Foundation

func exitWithUsage() -> Never {
    FileHandle.standardError.write(Data((FuzzOptions.usage + "\n").utf8))
    exit(2)
}

func scratchFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `nb-fuzz replay TARGET FILE...`: each file once, under the same watchdog as fuzzing.
func replay(_ arguments: [String]) -> Int32 {
    guard arguments.count >= 2,
          let target = Targets.make(arguments[0], notebooks: URL(fileURLWithPath: "notebooks"), scratch: scratchFolder())
    else { exitWithUsage() }
    let watchdog = Watchdog(maximumGrowthMB: 512)
    var status: Int32 = 0
    for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("\(path): cannot read"); status = 2; continue
        }
        let input = Array(data)
        switch watchdog.run(limitSeconds: target.hangSeconds, {
            do throws(Violation) { try target.run(input); return nil } catch { return error }
        }) {
        case .finished(nil): print("\(path): ok")
        case .finished(let violation?): print("\(path): invariant broken: \(violation.message)"); status = 1
        case .hang(let seconds): print("\(path): hang (over \(Int(seconds)) s)"); exit(1)
        case .memory(let megabytes): print("\(path): memory grew by \(megabytes) MB"); exit(1)
        }
    }
    return status
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["selftest"] {
    let problems = SelfTest.run()
    for problem in problems { print("nb-fuzz selftest: \(problem)") }
    print("nb-fuzz selftest: \(problems.isEmpty ? "ok" : "FAILED")")
    exit(problems.isEmpty ? 0 : 1)
}
if arguments.first == "replay" {
    exit(replay(Array(arguments.dropFirst())))
}
guard let options = FuzzOptions.parse(arguments), Targets.names.contains(options.target) else { exitWithUsage() }
if options.child {
    let notebooks = URL(fileURLWithPath: options.notebooks)
    let target = Targets.make(options.target, notebooks: notebooks, scratch: scratchFolder())!
    let store = FindingStore(folder: options.output, target: options.target)
    let status = Fuzzer(options: options, target: target, store: store).run()
    try? FileManager.default.removeItem(at: scratchFolder())
    exit(status)
}
exit(Supervisor(options: options).run())
