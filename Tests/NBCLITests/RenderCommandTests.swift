import Foundation
import Testing

@Suite(.serialized) struct RenderCommandTests {
    private func write(_ text: String, to name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func versionAndHelp() throws {
        let version = try NBProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: "\n").first?.split(separator: ".").count == 3)
        for arguments in [["--help"], ["render", "--help"], ["help", "render"]] {
            let help = try NBProcess.run(arguments)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"))
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let missingArgument = try NBProcess.run(["render"])
        #expect(missingArgument.status == 2)
        #expect(missingArgument.stderr.contains("Missing expected argument"))
        #expect(try NBProcess.run(["render", "a.md", "--bogus"]).status == 2)
        #expect(try NBProcess.run(["frobnicate"]).status == 2)
    }

    @Test func rendersToTheGivenPathAtomically() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try write("---\ntitle: Hello\n---\n# H\n\nText $x^2$.\n\n```nb\n1 + 1\n```\n", to: "hello.md", in: folder)
        let output = folder.appendingPathComponent("out/page.html")
        let result = try NBProcess.run(["render", input.path, "-o", output.path])
        #expect(result.status == 0)
        #expect(result.stdout == output.path + "\n")
        #expect(result.stderr.isEmpty)
        let page = try String(contentsOf: output, encoding: .utf8)
        #expect(page.contains("<title>Hello</title>"))
        #expect(page.contains("<math display=\"inline\">"))
        #expect(page.contains("<div class=\"nb-cell\" id=\"cell-1\" data-line=\"8\">"))
        // No temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["page.html"])
    }

    @Test func defaultOutputIsSiteNameHTMLInTheCurrentFolder() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write("# Notes\n", to: "notes.md", in: folder)
        let result = try NBProcess.run(["render", "notes.md"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "site/notes.html\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/notes.html").path))
    }

    @Test func missingFileAndDirectoryExitTwo() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try NBProcess.run(["render", "nope.md"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("nope.md: error: no such file"))
        #expect(!missing.stderr.contains("Fatal") && !missing.stderr.contains("Stack"))
        let directory = try NBProcess.run(["render", folder.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("error: is a directory"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    @Test func badFrontMatterExitsTwoNamingTheLine() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try write("---\ntitle: x\n\n# no closing\n", to: "open.md", in: folder)
        let open = try NBProcess.run(["render", "open.md"], in: folder)
        #expect(open.status == 2)
        #expect(open.stderr.hasPrefix("open.md:1:1: error: front matter"))
        #expect(open.stderr.contains("hint:"))
        _ = try write("---\ntitle: ok\ntags: [a, b\n---\nbody\n", to: "bad.md", in: folder)
        let bad = try NBProcess.run(["render", "bad.md"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("bad.md:4:"))
        #expect(bad.stderr.contains("error: front matter is not valid YAML"))
    }

    @Test func warningsGoToStderrAndThePageIsStillWritten() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = Array("# T\n\nbad \u{00E9} ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n\n$$x + 1\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("warn.md"))
        let result = try NBProcess.run(["render", "warn.md"], in: folder)
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("warn.md:3:7: warning: invalid UTF-8") })
        #expect(lines.contains { $0.hasPrefix("warn.md:5:1: warning:") })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/warn.html").path))
    }

    /// The user's post beside the repository (`../shared/seed/`); the test runs only where it is.
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/seed/autodiff-post.md")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "needs ../shared/seed/autodiff-post.md"))
    func seedPost() throws {
        let seed = Self.seed
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("seed.html")
        let result = try NBProcess.run(["render", seed.path, "-o", output.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let page = try String(contentsOf: output, encoding: .utf8)
        #expect(page.contains("<title>深度学习（十七）——自动求导, 无监督/半监督/自监督深度学习（1）</title>"))
        #expect(page.components(separatedBy: "<math").count - 1 == 12)
        #expect(page.components(separatedBy: "<math display=\"block\">").count - 1 == 9)
        // No TeX outside the annotations.
        var visible = page
        while let start = visible.range(of: "<annotation"), let end = visible.range(of: "</annotation>", range: start.upperBound..<visible.endIndex) {
            visible.removeSubrange(start.lowerBound..<end.upperBound)
        }
        #expect(!visible.contains("$$"))
        #expect(!visible.contains("\\frac") && !visible.contains("\\dot") && !visible.contains("\\lim"))
        #expect(!page.contains("<merror"))
        // Every link of the post is in the page, each once, in numbered bibliographies.
        let source = try String(contentsOf: seed, encoding: .utf8)
        let urls = source.split(separator: "\n").filter { $0.hasPrefix("https://") }
        #expect(urls.count > 50)
        for url in urls {
            #expect(page.contains("href=\"\(url)\""), "missing \(url)")
        }
        #expect(page.components(separatedBy: "<li id=\"ref-").count - 1 == urls.count)
        #expect(page.contains("<ol class=\"nb-bibliography\">"))
        #expect(page.contains(">从概念到实践，我们该如何构建自动微分库</a>. <span class=\"nb-ref-host\">mp.weixin.qq.com</span>."))
        #expect(page.contains("<h2 id=\"参考-1\">"))
    }
}

/// SPEC §5: same input, same engine version → byte-identical output (cells, plots, tables, math).
struct RenderDeterminismTests {
    @Test func flagshipNotebookRendersByteIdenticallyTwice() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = NBProcess.repository.appendingPathComponent("notebooks/autodiff.md").path
        let first = folder.appendingPathComponent("a.html"), second = folder.appendingPathComponent("b.html")
        #expect(try NBProcess.run(["render", notebook, "-o", first.path]).status == 0)
        #expect(try NBProcess.run(["render", notebook, "-o", second.path]).status == 0)
        let a = try Data(contentsOf: first), b = try Data(contentsOf: second)
        #expect(a == b)
        #expect(a.count > 10_000)
    }
}

/// `nb render` shares `nb build`'s page pipeline: front-matter references and `[@id]` citations.
struct RenderCitationTests {
    @Test func citationsResolveAndUnknownOnesWarnWithTheirLine() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
        ---
        title: Citations
        references:
          - id: baydin
            title: "Automatic Differentiation in Machine Learning: a Survey"
            url: https://arxiv.org/abs/1502.05767
        ---

        Reverse mode [@baydin]; unknown [@nobody].

        """
        try Data(text.utf8).write(to: folder.appendingPathComponent("cite.md"))
        let result = try NBProcess.run(["render", "cite.md", "-o", "out.html"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("cite.md:9:1: warning: unknown citation [@nobody]"), "\(result.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("out.html"), encoding: .utf8)
        #expect(page.contains("<a class=\"nb-cite\" id=\"cite-baydin-1\" href=\"#ref-baydin\">[1]</a>"))
        #expect(page.contains("<a class=\"nb-backref\" href=\"#cite-baydin-1\""))
        #expect(page.contains("id=\"ref-baydin\""))
        #expect(page.contains("nb-cite-missing"))
    }
}
