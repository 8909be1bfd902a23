import Foundation
import Testing
@testable import NBExecution
import NBHash
@testable import NBRender

/// Every file in `.nb-cache/` is checksummed: a changed byte anywhere — the page pack, a cell
/// record, a stored environment — is detected, the damaged part is recomputed, `--explain` says
/// so, and the site is byte for byte the one a clean build writes.
@Suite struct CacheCorruptionTests {
    static let notebook = """
    ---
    title: Cached
    ---

    Prose with $x^2$.

    ```nb
    a = 41
    f(x) = x^2 + a
    ```

    ```nb
    b = f(3)
    b
    ```

    ```nb
    print("b is", b)
    ```
    """
    static let other = "# Other\n\n```nb\n[1, 2] * 3\n```\n"

    /// Builds `site` through the real renderer and cache; returns the report.
    static func build(_ site: TempSite) throws -> SiteBuildReport {
        let cache = CellResultCache(directory: site.source.appendingPathComponent(".nb-cache"))
        let renderer = NotebookPageRenderer(root: site.source, cache: cache, engineVersion: "test")
        return try SiteBuilder(options: SiteBuildOptions(source: site.source, output: site.output, jobs: 1), renderer: renderer).build()
    }

    /// Every file of the built site, by relative path.
    static func files(_ site: TempSite) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: site.output.path)?.allObjects as? [String] ?? [] {
            var folder: ObjCBool = false
            let url = site.output.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &folder), !folder.boolValue { out[path] = try Data(contentsOf: url) }
        }
        return out
    }

    /// A site with both notebooks (cell 3 of the first one given), built once.
    static func site(lastCell: String = "print(\"b is\", b)") throws -> TempSite {
        let site = try TempSite()
        try site.write("a.md", notebook.replacingOccurrences(of: "print(\"b is\", b)", with: lastCell))
        try site.write("b.md", other)
        _ = try build(site)
        return site
    }

    static func cacheFile(_ site: TempSite, suffix: String) throws -> URL {
        let folder = site.source.appendingPathComponent(".nb-cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
        // Two notebooks: pick the first notebook's file (the one with three cells: the larger).
        let urls = names.map { folder.appendingPathComponent($0) }
        return try #require(urls.max { (try? Data(contentsOf: $0).count) ?? 0 < (try? Data(contentsOf: $1).count) ?? 0 })
    }

    /// Changes one byte at a seeded position (at or after `skip` bytes past the file's first
    /// line, its magic) to a different value.
    static func corrupt(_ url: URL, seed: UInt64, skip: Int = 0) throws -> Int {
        var data = try Data(contentsOf: url)
        let from = (data.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1 + skip
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        state ^= state >> 29
        let offset = from + Int(state % UInt64(data.count - from))
        data[offset] ^= UInt8(1 + (state >> 32) % 255)
        try data.write(to: url)
        return offset
    }

    @Test(arguments: 0..<6)
    func aDamagedPagePackIsRenderedAgain(seed: UInt64) throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let clean = try Self.files(site)
        let pack = site.source.appendingPathComponent(".nb-cache/pages.pack")
        _ = try Self.corrupt(pack, seed: seed)
        let report = try Self.build(site)
        #expect(try Self.files(site) == clean)
        #expect(report.cacheExplanation.contains { $0.contains("page cache entry is damaged") }, "\(report.cacheExplanation)")
        // The pack is written again whole: the next build is all cached.
        #expect(try Self.build(site).cacheExplanation.allSatisfy { $0.hasSuffix(": cached") })
    }

    @Test(arguments: 0..<6)
    func aDamagedCellRecordRunsTheCellsAgain(seed: UInt64) throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let clean = try Self.files(site)
        // Without the page pack the pages are rendered again, from the cell records.
        try FileManager.default.removeItem(at: site.source.appendingPathComponent(".nb-cache/pages.pack"))
        let record = try Self.cacheFile(site, suffix: ".json")
        _ = try Self.corrupt(record, seed: seed)
        let report = try Self.build(site)
        #expect(try Self.files(site) == clean)
        #expect(report.cacheExplanation.contains { $0.hasPrefix("a.md: cell 1 (") && $0.hasSuffix("runs — the cache record is damaged (checksum mismatch)") },
                "\(report.cacheExplanation)")
    }

    @Test(arguments: 0..<6)
    func aDamagedStoredEnvironmentIsReplayedNotUsed(seed: UInt64) throws {
        let edit = "print(\"b is now\", b + 1)"
        let reference = try Self.site(lastCell: edit)
        defer { try? FileManager.default.removeItem(at: reference.root) }
        let clean = try Self.files(reference)

        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let archive = try Self.cacheFile(site, suffix: ".env")
        // Seed 0 damages the index (after the length and the checksum); others land anywhere after the magic line.
        _ = try Self.corrupt(archive, seed: seed, skip: seed == 0 ? 8 + 64 : 0)
        try site.write("a.md", Self.notebook.replacingOccurrences(of: "print(\"b is\", b)", with: edit))
        let report = try Self.build(site)
        #expect(try Self.files(site) == clean)
        let restored = report.cacheExplanation.contains { $0.hasPrefix("a.md: cell 2 (") && $0.hasSuffix("cached, environment restored") }
        let damaged = report.cacheExplanation.contains { $0.contains("the stored environment is damaged (checksum mismatch)") }
        // Either the damage hit what this build needed and was seen, or it hit an environment it did not use.
        #expect(restored != damaged, "\(report.cacheExplanation)")
        if seed == 0 { #expect(damaged) }
    }

    /// Replaces the first occurrence of `old` in the file with `new` (same length).
    static func edit(_ url: URL, _ old: String, _ new: String) throws {
        var data = try Data(contentsOf: url)
        let range = try #require(data.range(of: Data(old.utf8)))
        data.replaceSubrange(range, with: Data(new.utf8))
        try data.write(to: url)
    }

    @Test func aSameLengthEditOfAResultNeverReachesTheSite() throws {
        // In the page pack: the rendered output of cell 3.
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let clean = try Self.files(site)
        try Self.edit(site.source.appendingPathComponent(".nb-cache/pages.pack"), "b is 50", "b is 51")
        var report = try Self.build(site)
        #expect(try Self.files(site) == clean)
        #expect(report.cacheExplanation.first == "a.md: the page cache entry is damaged (checksum mismatch); rendered again")

        // In the cell record: the value cell 2 displayed.
        try FileManager.default.removeItem(at: site.source.appendingPathComponent(".nb-cache/pages.pack"))
        try Self.edit(try Self.cacheFile(site, suffix: ".json"), "b is 50", "b is 51")
        report = try Self.build(site)
        #expect(try Self.files(site) == clean)
        #expect(report.cacheExplanation.contains { $0.hasSuffix("runs — the cache record is damaged (checksum mismatch)") })
    }

    @Test func theChecksumFramingRejectsEveryChangedByte() {
        let payload = Data("{\"cells\":[1,2,3]}".utf8)
        let sealed = ChecksummedFile.seal(payload, magic: "nb-test 1")
        #expect(ChecksummedFile.open(sealed, magic: "nb-test 1") == .intact(payload))
        #expect(ChecksummedFile.open(sealed, magic: "nb-test 2") == .missing)
        #expect(ChecksummedFile.open(nil, magic: "nb-test 1") == .missing)
        for offset in "nb-test 1\n".utf8.count..<sealed.count {
            var changed = sealed
            changed[offset] ^= 0x20
            #expect(ChecksummedFile.open(changed, magic: "nb-test 1") == .damaged, "byte \(offset)")
        }
        #expect(ChecksummedFile.open(sealed.prefix(sealed.count - 1), magic: "nb-test 1") == .damaged)
    }
}
