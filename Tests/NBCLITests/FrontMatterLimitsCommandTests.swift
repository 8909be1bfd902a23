import Foundation
import Testing

/// Hostile front matter through the real `nb` for every command that reads notebooks: the same
/// error with file:line:col and exit 2, within a memory limit and a time limit, never a crash.
@Suite(.serialized) struct FrontMatterLimitsCommandTests {
    /// Nine levels of nine aliases (about 387 million values once expanded).
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return "---\n" + lines.joined(separator: "\n") + "\n---\n\nBody.\n"
    }()

    /// 9,500 nested lists: deeper than the 8 MB main thread took before the fix.
    static let deepNesting = "---\nx: " + String(repeating: "[", count: 9_500) + String(repeating: "]", count: 9_500) + "\n---\n\nBody.\n"

    /// Runs `nb` under `ulimit -v` (1.5 GB) and a hard time limit (60 s, then SIGKILL: status 137).
    static func runLimited(_ arguments: [String], in folder: URL) throws -> NBProcess.Result {
        try NBProcess.run(URL(fileURLWithPath: "/bin/sh"),
                          ["-c", "ulimit -v 1500000 && exec timeout -s KILL 60 \"$0\" \"$@\"", NBProcess.executable.path] + arguments,
                          in: folder)
    }

    @Test(arguments: [
        ("bomb.md", aliasBomb, "bomb.md:7:1: error: front matter expands to more than 100000 values"),
        ("deep.md", deepNesting, "deep.md:2:67: error: front matter is nested too deeply"),
    ])
    func everyCommandRefusesTheSameWay(name: String, text: String, message: String) throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebooks = folder.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: notebooks.appendingPathComponent(name))
        let path = "notebooks/" + name
        for arguments in [["run", path], ["render", path, "-o", "out.html"], ["test", path], ["build", "notebooks", "--out", "site"]] {
            let result = try Self.runLimited(arguments, in: folder)
            #expect(result.status == 2, "nb \(arguments[0]): status \(result.status)\n\(result.stderr.prefix(400))")
            #expect(result.stderr.contains(message), "nb \(arguments[0]): \(result.stderr.prefix(400))")
            #expect(!result.stderr.contains("crashed"))
        }
    }

    @Test func dashesAroundTextThatIsNotAMappingAreMarkdown() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("---\nFoo\n---\nBar\n".utf8).write(to: folder.appendingPathComponent("page.md"))
        let run = try NBProcess.run(["run", "page.md"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.contains("page.md:1:1: warning:"))
        let render = try NBProcess.run(["render", "page.md", "-o", "page.html"], in: folder)
        #expect(render.status == 0)
        let page = try String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(page.contains("<hr"))
        #expect(page.contains("Bar"))
    }
}
