import Foundation

/// The whole-process row of `nb-bench render`: the release `nb render` (the `nb` binary beside
/// nb-bench) and the `cmark` CLI on the same generated mixed corpus, each a fresh process writing
/// its page to a file. Reported per side: wall and CPU seconds (best of R, the two run alternately)
/// and peak RSS, also above the RSS the same program reaches on a one-line file (its baseline), in
/// multiples of the input size.
///
/// Each side runs under `/usr/bin/time`, which forks it from its own small process: a child
/// spawned from nb-bench directly would report nb-bench's RSS as its peak (Linux keeps the
/// pre-exec high-water mark in `ru_maxrss`).
enum RenderProcessBenchmark {
    /// What one child process cost.
    struct Usage {
        var wallSeconds: Double
        var cpuSeconds: Double
        /// Peak resident set, bytes.
        var maxRSS: Int

        static func best(_ runs: [Usage]) -> Usage {
            Usage(wallSeconds: runs.map(\.wallSeconds).min() ?? .nan, cpuSeconds: runs.map(\.cpuSeconds).min() ?? .nan,
                  maxRSS: runs.map(\.maxRSS).max() ?? 0)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameter keep: a folder to leave the corpus and both outputs in (else a temporary one, removed).
    static func run(megabytes: Double, seed: UInt64, repeats: Int, keep: String?) throws {
        let folder = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nb-bench-render-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        guard let nb = nbExecutable(), let cmark = searchPath("cmark"), FileManager.default.isExecutableFile(atPath: timeCommand) else {
            print("whole process: not measured (needs `nb` beside nb-bench — swift build -c release --product nb —, the cmark CLI and \(timeCommand))")
            return
        }
        var generator = CorpusGenerator(seed: seed, mathHeavy: false, mixed: true)
        let corpus = generator.corpus(bytes: Int(megabytes * 1_000_000))
        let input = folder.appendingPathComponent("mixed.md").path
        let tiny = folder.appendingPathComponent("tiny.md").path
        try corpus.write(toFile: input, atomically: false, encoding: .utf8)
        try "# x\n".write(toFile: tiny, atomically: false, encoding: .utf8)
        let nbOut = folder.appendingPathComponent("mixed.nb.html").path, cmarkOut = folder.appendingPathComponent("mixed.cmark.html").path
        let nbCommand = { (file: String, out: String) in [nb, "render", file, "-o", out] }

        let usageFile = folder.appendingPathComponent("usage.txt").path
        let measure = { (command: [String], stdout: String) in try timed(command, stdout: stdout, usageFile: usageFile) }
        let nbBase = try measure(nbCommand(tiny, folder.appendingPathComponent("tiny.nb.html").path), "/dev/null")
        let cmarkBase = try measure([cmark, tiny], folder.appendingPathComponent("tiny.cmark.html").path)
        var nbRuns: [Usage] = [], cmarkRuns: [Usage] = []
        for _ in 0..<max(1, repeats) {
            cmarkRuns.append(try measure([cmark, input], cmarkOut))
            nbRuns.append(try measure(nbCommand(input, nbOut), "/dev/null"))
        }
        let nbBest = Usage.best(nbRuns), cmarkBest = Usage.best(cmarkRuns)
        let size = Double(corpus.utf8.count)
        func describe(_ usage: Usage, base: Usage) -> String {
            let above = Double(usage.maxRSS - base.maxRSS)
            return String(format: "%.3f s wall, %.3f s CPU, peak RSS %.1f MB (%.1f MB above its %.1f MB baseline = %.1f× input)",
                          usage.wallSeconds, usage.cpuSeconds, Double(usage.maxRSS) / 1e6, above / 1e6,
                          Double(base.maxRSS) / 1e6, above / size)
        }
        print(String(format: "whole process, %.1f MB mixed corpus (best of %d, alternating):", size / 1e6, repeats))
        print("  cmark CLI: " + describe(cmarkBest, base: cmarkBase))
        print("  nb render: " + describe(nbBest, base: nbBase))
        print(String(format: "  nb / cmark: %.2f× wall, %.2f× CPU (target ≤ 2×); nb memory above baseline %.1f× input (target ≤ 10×)",
                     nbBest.wallSeconds / cmarkBest.wallSeconds, nbBest.cpuSeconds / cmarkBest.cpuSeconds,
                     Double(nbBest.maxRSS - nbBase.maxRSS) / size))
    }

    /// The release `nb` next to this executable.
    private static func nbExecutable() -> String? {
        guard let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("nb").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    private static func searchPath(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static let timeCommand = "/usr/bin/time"

    /// Runs `command` under `/usr/bin/time` (stdout to `stdout`) and returns what time measured.
    private static func timed(_ command: [String], stdout: String, usageFile: String) throws -> Usage {
        try spawn([timeCommand, "-f", "%e %U %S %M", "-o", usageFile] + command, stdout: stdout)
        let fields = try String(contentsOfFile: usageFile, encoding: .utf8).split(separator: " ")
            .compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 4 else { throw Failure(description: "cannot read \(usageFile)") }
        return Usage(wallSeconds: fields[0], cpuSeconds: fields[1] + fields[2], maxRSS: Int(fields[3]) * 1024)
    }

    /// Runs `command` (stdout to `stdout`, stderr discarded) and waits for it to succeed.
    private static func spawn(_ command: [String], stdout: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard status == 0 else { throw Failure(description: "cannot start \(command[0]): error \(status)") }
        var exitStatus: Int32 = 0
        guard waitpid(pid, &exitStatus, 0) == pid else { throw Failure(description: "waitpid failed for \(command[0])") }
        // Exit status 0 (WIFEXITED with code 0) is all that is accepted.
        guard exitStatus == 0 else { throw Failure(description: "\(command.joined(separator: " ")) exited with status \(exitStatus)") }
    }
}
