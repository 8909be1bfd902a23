import Foundation
import Testing

/// `nb build --cache-url` against a real cache server (nginx with WebDAV on a loopback port) and
/// `nb build --shard K/N` plus the assembling build (issue 16, points 2 and 3).
@Suite(.serialized, .enabled(if: LoopbackNginx.isInstalled, "needs nginx (apt-get install nginx)"))
struct RemoteCacheCommandTests {
    /// A few notebooks with randomness, a data file and a plot, so a rerun could not pass unseen.
    static func makeSite(_ count: Int) throws -> URL {
        let folder = try NBProcess.temporaryFolder()
        try Data("1,2\n3,4\n".utf8).write(to: folder.appendingPathComponent("data.csv"))
        for index in 1...count {
            let text = """
            ---
            title: Notebook \(index)
            nb: {seed: \(index)}
            ---

            Prose of notebook \(index).

            ```nb
            d = load("data.csv")
            w = randn(3)
            sum(d) + \(index)
            ```

            ```nb
            plot(x -> x^2 + \(index) * sin(x), linspace(-2, 2, 21))
            [sum(w), \(index) * sum(randn(2))]
            ```
            """
            try Data(text.utf8).write(to: folder.appendingPathComponent("n\(index).md"))
        }
        return folder
    }

    /// `nb build FOLDER --out FOLDER/site --explain [extra…]`: status, stderr and the cells that ran.
    static func build(_ folder: URL, _ extra: [String]) throws -> (status: Int32, stderr: String, ran: [String]) {
        let result = try NBProcess.run(["build", folder.path, "--out", folder.appendingPathComponent("site").path, "--explain"] + extra)
        let ran = result.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": runs") }
        return (result.status, result.stderr, ran)
    }

    /// Every file of the site with its bytes.
    static func siteFiles(_ folder: URL) throws -> [String: Data] {
        let site = folder.appendingPathComponent("site")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(site.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    static func wipe(_ folder: URL) throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".nb-cache"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("site"))
    }

    @Test func aWipedCacheIsRefilledFromTheServerWithoutRunningACell() throws {
        let server = try LoopbackNginx()
        defer { server.stop() }
        let folder = try Self.makeSite(3)
        defer { try? FileManager.default.removeItem(at: folder) }

        let cold = try Self.build(folder, ["--cache-url", server.url])
        #expect(cold.status == 0)
        #expect(cold.ran.count == 6)
        #expect(!cold.stderr.contains("cache server"))
        #expect(server.stored("ac").count == 3)
        #expect(server.stored("cas").count == 6)   // a record and an environments file per notebook
        let first = try Self.siteFiles(folder)

        try Self.wipe(folder)
        let warm = try Self.build(folder, ["--cache-url", server.url])
        #expect(warm.status == 0)
        #expect(warm.ran == [])
        #expect(!warm.stderr.contains("cache server"))
        #expect(try Self.siteFiles(folder) == first)
    }

    @Test func aBlobThatDoesNotMatchItsHashIsRefusedAndTheCellsRun() throws {
        let server = try LoopbackNginx()
        defer { server.stop() }
        let folder = try Self.makeSite(2)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.build(folder, ["--cache-url", server.url]).status == 0)
        let first = try Self.siteFiles(folder)
        // Tamper with every stored blob: same names, other bytes.
        for blob in server.stored("cas") {
            var bytes = try Data(contentsOf: blob)
            bytes[bytes.count - 2] ^= 1
            try bytes.write(to: blob)
        }
        try Self.wipe(folder)
        let rebuilt = try Self.build(folder, ["--cache-url", server.url])
        #expect(rebuilt.status == 0)
        #expect(rebuilt.ran.count == 4)
        #expect(rebuilt.stderr.components(separatedBy: "warning: cache server").count == 2)
        #expect(rebuilt.stderr.contains("other content"))
        #expect(try Self.siteFiles(folder) == first)
    }

    @Test func aDeadServerCostsOneWarningNotTheBuild() throws {
        let folder = try Self.makeSite(3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = LoopbackPort.free()   // nothing listens there
        let result = try Self.build(folder, ["--cache-url", "http://127.0.0.1:\(port)/nb"])
        #expect(result.status == 0)
        #expect(result.ran.count == 6)
        #expect(result.stderr.components(separatedBy: "warning: cache server").count == 2)
        #expect(result.stderr.contains("this build used the local cache only"))
        // The local cache still works.
        #expect(try Self.build(folder, ["--cache-url", "http://127.0.0.1:\(port)/nb"]).ran == [])
    }

    @Test func shardsFillTheCacheAndTheAssemblyRunsNoCell() throws {
        let server = try LoopbackNginx()
        defer { server.stop() }
        // Three checkouts of the same notebooks, as three CI machines would have.
        let shardOne = try Self.makeSite(5), shardTwo = try Self.makeSite(5), assembly = try Self.makeSite(5)
        let local = try Self.makeSite(5)
        defer { for folder in [shardOne, shardTwo, assembly, local] { try? FileManager.default.removeItem(at: folder) } }

        let one = try Self.build(shardOne, ["--cache-url", server.url, "--shard", "1/2"])
        let two = try Self.build(shardTwo, ["--cache-url", server.url, "--shard", "2/2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.ran.count + two.ran.count == 10)   // every notebook in exactly one shard
        #expect(!one.ran.isEmpty && !two.ran.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: shardOne.appendingPathComponent("site/index.html").path))

        let assembled = try Self.build(assembly, ["--cache-url", server.url])
        #expect(assembled.status == 0)
        #expect(assembled.ran == [])
        #expect(try Self.build(local, []).status == 0)
        #expect(try Self.siteFiles(assembly) == Self.siteFiles(local))
    }

    @Test func badShardAndURLArgumentsAreUsageErrors() throws {
        for arguments in [["--shard", "3/2"], ["--shard", "0/2"], ["--shard", "1"], ["--cache-url", "ftp://x/"], ["--cache-url", "nope"],
                          ["--no-cache", "--shard", "1/2"]] {
            let result = try NBProcess.run(["build", "notebooks", "--out", "/nonexistent/never"] + arguments)
            #expect(result.status == 2, "\(arguments)")
        }
    }
}
