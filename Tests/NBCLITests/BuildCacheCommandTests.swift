import Foundation
import Testing

/// `nb build --explain` with the cell cache (SPEC §7): what it says when nothing, prose, a cell or a
/// data file changed, and that a build from stored environments writes the cold build's page.
@Suite(.serialized) struct BuildCacheCommandTests {
    static func notebook(cell3: String) -> String {
        """
        ---
        title: Cached
        nb:
          seed: 4
        ---

        Prose.

        ```nb
        f(x) = x^2 + 1
        scale = x -> 2 * x
        ```

        ```nb
        d = load("data.csv")
        s = sum(d)
        noise = randn(2)
        ```

        ```nb
        \(cell3)
        ```

        ```nb
        [f(s), sum(randn(3))]
        ```
        """
    }

    private func build(_ folder: URL) throws -> (status: Int32, lines: [String]) {
        let result = try NBProcess.run(["build", folder.path, "--out", folder.appendingPathComponent("site").path, "--explain"])
        return (result.status, result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("doc.md: ") })
    }

    private func write(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    @Test func explainSaysWhatRanWhatWasRestoredAndWhy() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("1,2\n3,4\n", "data.csv", in: folder)
        try write(Self.notebook(cell3: "f(s) + scale(noise)"), "doc.md", in: folder)

        let cold = try build(folder)
        #expect(cold.status == 0)
        #expect(cold.lines == [
            "doc.md: cell 1 (line 10): runs — not cached",
            "doc.md: cell 2 (line 15): runs — not cached",
            "doc.md: cell 3 (line 21): runs — not cached",
            "doc.md: cell 4 (line 25): runs — not cached",
        ])
        let cache = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(".nb-cache").path)
        #expect(cache.contains { $0.hasSuffix(".env") })

        #expect(try build(folder).lines == (1...4).map { "doc.md: cell \($0) (line \([10, 15, 21, 25][$0 - 1])): cached" })

        try write(Self.notebook(cell3: "f(s) - scale(noise)"), "doc.md", in: folder)
        let edited = try build(folder)
        #expect(edited.status == 0)
        #expect(edited.lines == [
            "doc.md: cell 1 (line 10): cached",
            "doc.md: cell 2 (line 15): cached, environment restored",
            "doc.md: cell 3 (line 21): runs — source changed",
            "doc.md: cell 4 (line 25): runs — an earlier cell changed",
        ])

        try write("1,2\n3,9\n", "data.csv", in: folder)
        #expect(try build(folder).lines == [
            "doc.md: cell 1 (line 10): cached, environment restored",
            "doc.md: cell 2 (line 15): runs — data file data.csv changed",
            "doc.md: cell 3 (line 21): runs — an earlier cell changed",
            "doc.md: cell 4 (line 25): runs — an earlier cell changed",
        ])

        // The page built from a restored environment is the page of a cold build, byte for byte.
        let fresh = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: fresh) }
        try write("1,2\n3,9\n", "data.csv", in: fresh)
        try write(Self.notebook(cell3: "f(s) - scale(noise)"), "doc.md", in: fresh)
        #expect(try build(fresh).status == 0)
        let warmPage = try Data(contentsOf: folder.appendingPathComponent("site/doc.html"))
        let coldPage = try Data(contentsOf: fresh.appendingPathComponent("site/doc.html"))
        #expect(warmPage == coldPage)
    }

    @Test func aDamagedEnvironmentReplaysAndSaysSo() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("1,2\n3,4\n", "data.csv", in: folder)
        try write(Self.notebook(cell3: "s"), "doc.md", in: folder)
        #expect(try build(folder).status == 0)
        let cacheFolder = folder.appendingPathComponent(".nb-cache")
        for name in try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path) where name.hasSuffix(".env") {
            try Data("nb-environments 1\nbroken".utf8).write(to: cacheFolder.appendingPathComponent(name))
        }
        try write(Self.notebook(cell3: "s + 1"), "doc.md", in: folder)
        let result = try build(folder)
        #expect(result.status == 0)
        #expect(result.lines == [
            "doc.md: cell 1 (line 10): cached, replayed (no usable stored environment)",
            "doc.md: cell 2 (line 15): cached, replayed (no usable stored environment)",
            "doc.md: cell 3 (line 21): runs — source changed",
            "doc.md: cell 4 (line 25): runs — an earlier cell changed",
        ])
    }
}
