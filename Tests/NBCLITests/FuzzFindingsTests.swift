import Foundation
import Testing

/// Every input the fuzzer ever found a problem with (Tests/Fuzz/Findings/TARGET/*) is replayed
/// through `nb-fuzz replay TARGET FILE`, which runs it once under the fuzzer's watchdog and
/// invariants: the test fails on a crash, a hang, runaway memory or a broken invariant.
@Suite struct FuzzFindingsTests {
    /// Findings whose fix belongs to another branch, with the reason; replayed once that branch is merged.
    static let open: [String: String] = [:]

    static let findingsFolder = NBProcess.repository.appendingPathComponent("Tests/Fuzz/Findings")

    /// `TARGET/FILE` for every finding, notes (`.txt`) excluded.
    static let all: [String] = {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: findingsFolder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: findingsFolder.appendingPathComponent(target).path)) ?? [])
                .filter { !$0.hasSuffix(".txt") }.sorted().map { "\(target)/\($0)" }
        }
    }()

    static let fixed = all.filter { open[$0] == nil }

    /// Runs `nb-fuzz replay` under a hard time limit (SIGKILL after 120 s: status 137).
    static func replay(_ finding: String) throws -> NBProcess.Result {
        let target = String(finding.prefix { $0 != "/" })
        return try NBProcess.run(URL(fileURLWithPath: "/usr/bin/timeout"),
                                 ["-s", "KILL", "120", NBProcess.executable(named: "nb-fuzz").path, "replay", target,
                                  findingsFolder.appendingPathComponent(finding).path])
    }

    @Test(arguments: fixed)
    func fixedFindingStaysFixed(_ finding: String) throws {
        let result = try Self.replay(finding)
        #expect(result.status == 0, "\(finding): \(result.stdout)\(result.stderr)")
    }

    @Test(.disabled("open findings whose fixes are on other branches: see FuzzFindingsTests.open"), arguments: open.keys.sorted())
    func openFindingIsFixed(_ finding: String) throws {
        let result = try Self.replay(finding)
        #expect(result.status == 0, "\(finding) (\(Self.open[finding] ?? "")): \(result.stdout)\(result.stderr)")
    }

    /// The fuzzer's HTML checks catch script, event handlers, unescaped `<` and script URLs.
    @Test func selftestPasses() throws {
        let process = Process()
        process.executableURL = NBProcess.executable(named: "nb-fuzz")
        process.arguments = ["selftest"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
    }

    @Test func everyOpenFindingHasAFile() {
        for finding in Self.open.keys { #expect(Self.all.contains(finding), "\(finding) is listed as open but missing") }
    }
}
