import Foundation
import Testing
import NBRender

/// `site.yml` is read with the same bounds as front matter.
@Suite struct SiteConfigTests {
    @Test func readsTheKeys() {
        let (config, notes) = SiteConfig.parse(yaml: "title: Notes\nurl: https://example.org\nbaseurl: /nb\nlang: de\n", file: "site.yml")
        #expect(config.title == "Notes" && config.baseURL == "https://example.org/nb/" && config.language == "de")
        #expect(notes.isEmpty)
    }

    @Test func siteWideMacrosReachEveryPage() throws {
        let (config, notes) = SiteConfig.parse(yaml: "title: T\nmacros:\n  RR: '\\mathbb{R}'\n  bad: {a: b}\n", file: "site.yml")
        #expect(config.macros.names == ["RR"])
        #expect(notes.map(\.line) == [4])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-site-macros-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "macros:\n  RR: '\\mathbb{R}'\n".write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let renderer = NotebookPageRenderer(root: folder, cache: nil, engineVersion: "test", runsCells: false)
        let page = try renderer.render(NotebookSource(relativePath: "a.md", text: "$x \\in \\RR$\n"))
        #expect(page.diagnostics.isEmpty)
        #expect(page.blocks.map(\.html).joined().contains("ℝ"))
    }

    @Test func aBaseURLThatIsNotHTTPNeverReachesTheFeed() {
        for hostile in ["java\tscript:alert(1)//", "\u{1}javascript:alert(1)", "data:text/html,x", "vbscript:x", "/relative"] {
            let config = SiteConfig(title: "t", baseURL: hostile)
            #expect(config.baseURL == nil, "\(hostile)")
            #expect(SiteConfig.baseURL(hostile) == nil, "\(hostile)")
        }
        #expect(SiteConfig(title: "t", baseURL: "HTTPS://example.org").baseURL == "HTTPS://example.org/")
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombGivesDefaultsAndItsLine() {
        var lines = ["title: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let (config, notes) = SiteConfig.parse(yaml: lines.joined(separator: "\n") + "\n", file: "site.yml")
        #expect(config == SiteConfig())
        #expect(notes.count == 1)
        #expect(notes.first?.description.hasPrefix("site.yml:7:1: warning: site.yml expands to more than") == true)
    }

    @Test(.timeLimit(.minutes(1))) func deepNestingGivesDefaultsAndItsPosition() {
        let yaml = "title: Deep\nx: " + String(repeating: "[", count: 6_000) + String(repeating: "]", count: 6_000) + "\n"
        let (config, notes) = SiteConfig.parse(yaml: yaml, file: "site.yml")
        #expect(config == SiteConfig())
        #expect(notes.first?.description.hasPrefix("site.yml:2:67: warning: site.yml is nested too deeply") == true)
    }

    @Test(.timeLimit(.minutes(1))) func theBuildReportsABadSiteFile() throws {
        let site = try TempSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("a.md", "---\ntitle: A\n---\n\nText.\n")
        try site.write("site.yml", "title: &t [*t]\n")
        let report = try site.build()
        #expect(report.pages.count == 1)
        #expect(report.diagnostics.contains { $0.file == "site.yml" && $0.line == 1 })
    }
}
