import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import NBRender
@testable import NBServe

@Suite struct ServeTests {
    func fetch(_ port: UInt16, _ path: String) async throws -> (status: Int, body: String) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(1))) func servesRebuildsAndReloads() async throws {
        let site = try TempSite()
        try site.write("a.md", "---\ntitle: First title\ndate: 2020-01-01\n---\n\nOriginal text.\n")
        try site.write("b.md", "BROKEN\n")
        let options = SiteBuildOptions(source: site.source, output: site.output, jobs: 2)
        let server = try SiteServer(source: site.source, output: site.output, port: 0, pollInterval: .milliseconds(100)) {
            let report = try? SiteBuilder(options: options, renderer: ToyRenderer()).build()
            return "built \(report?.pages.count ?? 0) pages"
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        let address = try #require(await server.boundAddress())
        #expect(address.host == "127.0.0.1")   // loopback only
        let port = address.port
        #expect(port > 0)

        // Wait for the first build (generation 1).
        for _ in 0..<100 where server.currentGeneration < 1 { try await Task.sleep(for: .milliseconds(50)) }
        let index = try await fetch(port, "/")
        #expect(index.status == 200 && index.body.contains("First title"))
        let page = try await fetch(port, "/a.html")
        #expect(page.body.contains("Original text."))
        #expect(page.body.contains(LiveReload.versionPath))   // the reload script, injected when served
        let onDisk = try site.read("a.html")
        #expect(!onDisk.contains("<script"))                    // … and never in the built file
        let broken = try await fetch(port, "/b.html")
        #expect(broken.status == 200 && broken.body.contains("nb-error"))
        #expect(try await fetch(port, "/missing.html").status == 404)
        #expect(try await fetch(port, "/../../etc/passwd").status == 404)
        #expect(try await fetch(port, "/.nb-manifest").status == 404)

        let before = try await fetch(port, LiveReload.versionPath).body
        try await Task.sleep(for: .milliseconds(1100))   // coarse file-system timestamps
        try site.write("a.md", "---\ntitle: Second title\ndate: 2020-01-01\n---\n\nEdited text.\n")
        var version = before
        for _ in 0..<100 where version == before {
            try await Task.sleep(for: .milliseconds(100))
            version = try await fetch(port, LiveReload.versionPath).body
        }
        #expect(version != before)
        let edited = try await fetch(port, "/a.html")
        #expect(edited.body.contains("Edited text.") && edited.body.contains("Second title"))
    }

    @Test func watcherSeesAddsEditsAndRemovals() throws {
        let site = try TempSite()
        try site.write("a.md", "x")
        try site.write(".git/HEAD", "ignored")
        let watcher = SourceWatcher(root: site.source, excluding: site.output)
        let first = watcher.snapshot()
        #expect(Array(first.keys) == ["a.md"])
        try site.write("sub/b.md", "y")
        try site.write("a.md", "longer")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let second = watcher.snapshot()
        #expect(SourceWatcher.changes(from: first, to: second) == ["a.md", "sub/b.md"])
        try FileManager.default.removeItem(at: site.source.appendingPathComponent("a.md"))
        #expect(SourceWatcher.changes(from: second, to: watcher.snapshot()) == ["a.md"])
    }

    @Test func theMathFontIsServedAsAFont() {
        #expect(StaticFiles.contentType(of: URL(fileURLWithPath: "/site/nb-math.woff2")) == "font/woff2")
    }

    @Test func reloadScriptGoesBeforeTheBodyEnd() {
        let html = LiveReload.inject(into: "<html><body><p>x</p></body></html>\n", generation: 3)
        #expect(html.hasSuffix("</script>\n</body></html>\n"))
        #expect(html.contains("var seen = \"3\""))
    }
}
