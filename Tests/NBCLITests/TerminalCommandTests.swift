import Foundation
import Testing

/// The terminal experience (docs/commands.md): progress and colours only on a terminal, one
/// diagnostic format for every command, warnings CI can enforce, `nb new`, completion scripts.
/// Terminal runs go through `script` (util-linux), which gives the child a pseudo-terminal.
@Suite(.serialized) struct TerminalCommandTests {
    private func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// Runs `nb ARGUMENTS` on a pseudo-terminal (stdout and stderr both go to it; `script` copies
    /// what it shows to its own stdout). `environment` entries are set for the child.
    private func runOnTerminal(_ arguments: [String], environment: [String] = [], in folder: URL) throws -> NBProcess.Result {
        // A colour terminal unless the test says otherwise, whatever the environment of the test run.
        let command = (["env", "-u", "NO_COLOR", "TERM=xterm"] + environment + [NBProcess.executable.path] + arguments)
            .map(Self.shellQuoted).joined(separator: " ")
        return try NBProcess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qefc", command, "/dev/null"], in: folder)
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static let training = """
    ---
    title: Training
    ---

    ```nb id=fit
    bl = blobs(60, centers: 3, seed: 3)
    net = mlp([2, 8, 3], seed: 0)
    fit = train(net, bl.X, bl.y, epochs: 30, lr: 0.05, optimizer: "adam")
    fit.accuracy > 0.5
    ```

    """

    static let incomplete = """
    ---
    title: Broken
    ---

    ```nb
    a = 1
    y = (a +
    ```

    """

    // MARK: Diagnostics

    @Test func anIncompleteExpressionIsPointedAtWhereItStops() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(Self.incomplete, to: "broken.md", in: folder)
        let result = try NBProcess.run(["run", "broken.md"], in: folder)
        #expect(result.status == 1)
        // Line 7 is `y = (a +`; the expression stops after the `+` (column 9), not at the fence.
        #expect(result.stderr.contains("broken.md:7:9: error: expected an expression, found end of cell"), "\(result.stderr)")
        #expect(result.stderr.contains("    7 | y = (a +\n      |         ^"), "\(result.stderr)")
        #expect(result.stderr.contains("  hint: the expression is incomplete"))
        #expect(result.stderr.hasSuffix("1 error\n"))
        // Plain text when stderr is not a terminal: no colours, no progress line.
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(!result.stderr.contains("\r"))
        _ = file
    }

    @Test func everyCommandUsesTheSameFormat() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write(Self.incomplete, to: "site/broken.md", in: folder)
        let expected = "broken.md:7:9: error: expected an expression, found end of cell\n    7 | y = (a +\n      |         ^\n  hint: the expression is incomplete"
        let render = try NBProcess.run(["render", "site/broken.md", "-o", "out.html"], in: folder)
        #expect(render.status == 1)
        #expect(render.stderr.contains("site/" + expected), "\(render.stderr)")
        let build = try NBProcess.run(["build", "site", "--out", "out", "--no-cache"], in: folder)
        #expect(build.status == 1)
        #expect(build.stderr.contains("site/" + expected), "\(build.stderr)")
    }

    @Test func frontMatterErrorsQuoteTheirLine() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write("---\ntitle: [unclosed\n---\n\ntext\n", to: "bad.md", in: folder)
        let result = try NBProcess.run(["run", "bad.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(try Regex("bad\\.md:[0-9]+:[0-9]+: error: front matter is not valid YAML")), "\(result.stderr)")
        #expect(result.stderr.contains("    3 | ---\n      | ^\n  hint: "), "\(result.stderr)")
    }

    // MARK: Warnings

    @Test func warningsAreCountedAndCanFailTheCommand() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write("---\ntitle: W\n---\n\nMath $\\frobnicate x$ here.\n", to: "w.md", in: folder)
        let render = try NBProcess.run(["render", "w.md", "-o", "w.html"], in: folder)
        #expect(render.status == 0)
        #expect(render.stderr.contains("w.md:5:"), "\(render.stderr)")
        #expect(render.stderr.contains("warning: unknown command \\frobnicate"), "\(render.stderr)")
        #expect(render.stderr.contains("5 | Math $\\frobnicate x$ here.\n"))
        #expect(render.stderr.hasSuffix("1 warning\n"))
        for arguments in [["render", "w.md", "-o", "w.html"], ["test", "w.md"], ["build", ".", "--out", "out", "--base-url", "https://example.org/"]] {
            let strict = try NBProcess.run(arguments + ["--warnings-as-errors"], in: folder)
            #expect(strict.status == 1, "\(arguments): \(strict.stderr)")
            #expect(strict.stderr.contains("1 warning (--warnings-as-errors: failing)"), "\(arguments): \(strict.stderr)")
        }
        let clean = try NBProcess.run(["test", "w.md"], in: folder)
        #expect(clean.status == 0)
        // `nb test` also finds what a render would warn about: here an unresolved citation.
        _ = try write("---\ntitle: C\n---\n\nAs shown in [@nowhere].\n", to: "c/c.md", in: folder)
        let cited = try NBProcess.run(["test", "--warnings-as-errors", "c/c.md"], in: folder)
        #expect(cited.status == 1, "\(cited.stderr)")
        #expect(cited.stderr.contains("c/c.md:5:"), "\(cited.stderr)")
        #expect(cited.stderr.contains("nowhere"), "\(cited.stderr)")
    }

    // MARK: Progress and colours on a terminal

    @Test(.enabled(if: hasScript)) func progressAndColoursOnATerminal() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write(Self.training, to: "training.md", in: folder)
        _ = try write(Self.incomplete, to: "broken.md", in: folder)
        let shown = try runOnTerminal(["render", "training.md", "-o", "t.html"], in: folder)
        #expect(shown.status == 0, "\(shown.stdout)")
        // The line is redrawn in place: carriage return, erase line.
        #expect(shown.stdout.contains("\r\u{1B}[2Ktraining.md: cell fit 0"), "\(shown.stdout)")
        // The bar of the training loop, then the summary line of the finished cell.
        #expect(shown.stdout.contains(" s  train [............] epoch 0/30"), "\(shown.stdout)")
        #expect(shown.stdout.contains(try Regex("\r\u{1B}\\[2Ktraining\\.md: cell fit [0-9.]+ s\r?\n").matchingSemantics(.unicodeScalar)),
                "\(shown.stdout)")
        // A cell without an id is named by its number and line.
        let numbered = try runOnTerminal(["run", "broken.md"], in: folder)
        #expect(numbered.stdout.contains("\r\u{1B}[2Kbroken.md: cell 1 (line 5) 0"), "\(numbered.stdout)")

        let coloured = try runOnTerminal(["run", "broken.md"], in: folder)
        #expect(coloured.status == 1)
        #expect(coloured.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"), "\(coloured.stdout)")
        let plain = try runOnTerminal(["run", "broken.md"], environment: ["NO_COLOR=1"], in: folder)
        #expect(plain.status == 1)
        #expect(!plain.stdout.contains("\u{1B}[1;31m"))
        #expect(plain.stdout.contains("broken.md:7:9: error: expected an expression"))
    }

    @Test(.enabled(if: hasScript)) func quietSilencesProgress() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write(Self.training, to: "training.md", in: folder)
        let quiet = try runOnTerminal(["test", "--quiet", "training.md"], in: folder)
        #expect(quiet.status == 0, "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("\u{1B}[2K"), "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("epoch"))
    }

    @Test func noProgressWithoutATerminal() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write(Self.training, to: "training.md", in: folder)
        let result = try NBProcess.run(["render", "training.md", "-o", "t.html"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    // MARK: Newcomers

    @Test func newWritesANotebookThatPassesItsTests() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try NBProcess.run(["new", "demo"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "demo.md\n")
        let tested = try NBProcess.run(["test", "--warnings-as-errors", "demo.md"], in: folder)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("1 passed, 0 failed"))
        let again = try NBProcess.run(["new", "demo.md"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("demo.md: error: already exists"))
    }

    @Test func newSiteBuilds() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try NBProcess.run(["new", "blog", "--site"], in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "blog/site.yml\nblog/index.md\nblog/first.md\n")
        // The scaffold's url: is a comment to fill in: until then the build says what is missing.
        let unaddressed = try NBProcess.run(["build", "blog", "--out", "out"], in: folder)
        #expect(unaddressed.status == 0, "\(unaddressed.stderr)")
        #expect(unaddressed.stderr.contains("no base URL") && unaddressed.stderr.contains("--base-url"), "\(unaddressed.stderr)")
        let built = try NBProcess.run(["build", "blog", "--out", "out", "--base-url", "https://example.org/blog/", "--warnings-as-errors"],
                                      in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/feed.xml").path))
        #expect(built.stdout.contains("(1 pages"), "\(built.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/first.html").path))
    }

    @Test func versionNamesTheEngineKey() throws {
        let version = try NBProcess.run(["--version"])
        #expect(version.status == 0)
        let lines = version.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("engine: nb-engine-") == true, "\(version.stdout)")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScripts(shell: String) throws {
        let script = try NBProcess.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.stdout.contains("render"))
        #expect(script.stdout.contains("warnings-as-errors"))
    }
}
