import Foundation
import NBDocument
import NBExecution
import NBHash
@testable import NBRender
import Testing

@Suite struct PageCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-page-cache-\(UUID().uuidString)")
    var pack: URL { folder.appendingPathComponent(PageCache.packName) }

    func entry(_ title: String, dependencies: [PageCache.Dependency] = []) -> PageCache.Entry {
        PageCache.Entry(format: PageCache.Entry.format, engineVersion: "e1", sourceHash: "h-\(title)", dependencies: dependencies,
                        cellLines: [3], render: NotebookRender(title: title, blocks: [HTMLBlock(html: "<p>\(title) 自动</p>", line: 5)]))
    }

    @Test func packRoundTripsAndDamageIsAMiss() {
        let entries: [(path: String, packed: PageCache.Packed)] = [("a.md", PageCacheCodec.encode(entry("A"))), ("dl/b 自.md", []), ("c.md", [0, 58, 255])]
            .map { ($0, PageCache.Packed(checksum: PageCache.checksum(path: $0, bytes: $1), bytes: $1)) }
        let bytes = PageCache.pack(entries)
        #expect(PageCache.unpack(bytes) == Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.packed) }))
        for cut in stride(from: 0, to: bytes.count, by: 5) { #expect(PageCache.unpack(Array(bytes[0..<cut])) == nil) }
        #expect(PageCache.unpack(bytes + [0]) == nil)
        #expect(PageCache.unpack(Array("nb-page-pack 3\n1:".utf8)) == nil)
    }

    @Test func storedEntriesSurviveASaveAndAreCheckedAgainstTheirInputs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("data.csv"))
        let first = PageCache(directory: folder)
        #expect(first.lookup("a.md", engineVersion: "e1", sourceHash: "h-A", root: folder) == .miss)
        first.store(entry("A"), for: "a.md")
        first.store(entry("B", dependencies: [.init(path: "data.csv", hash: SHA256.hex(Data("x".utf8)))]), for: "b.md")
        // Visible in the same build before it is saved.
        #expect(first.lookup("a.md", engineVersion: "e1", sourceHash: "h-A", root: folder).entry == entry("A"))
        first.save(notebooks: ["a.md", "b.md"])

        let second = PageCache(directory: folder)
        #expect(second.lookup("a.md", engineVersion: "e1", sourceHash: "h-A", root: folder).entry == entry("A"))
        #expect(second.lookup("a.md", engineVersion: "e2", sourceHash: "h-A", root: folder) == .miss)
        #expect(second.lookup("a.md", engineVersion: "e1", sourceHash: "edited", root: folder) == .miss)
        #expect(second.lookup("b.md", engineVersion: "e1", sourceHash: "h-B", root: folder).entry == entry("B", dependencies: [.init(path: "data.csv", hash: SHA256.hex(Data("x".utf8)))]))
        try Data("y".utf8).write(to: folder.appendingPathComponent("data.csv"))
        #expect(second.lookup("b.md", engineVersion: "e1", sourceHash: "h-B", root: folder) == .miss)
    }

    @Test func savesOnlyWhenSomethingChangedAndDropsRemovedNotebooks() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = PageCache(directory: folder)
        first.store(entry("A"), for: "a.md"); first.store(entry("B"), for: "b.md")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        first.save(notebooks: ["a.md", "b.md"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pages").path))   // the old layout goes
        let saved = try Data(contentsOf: pack)

        // Nothing new: the pack is not rewritten (same inode, same bytes).
        let inode = try FileManager.default.attributesOfItem(atPath: pack.path)[.systemFileNumber] as? UInt64
        PageCache(directory: folder).save(notebooks: ["a.md", "b.md"])
        #expect(try FileManager.default.attributesOfItem(atPath: pack.path)[.systemFileNumber] as? UInt64 == inode)

        // b.md removed from the site: its entry goes, a.md's stays byte for byte.
        PageCache(directory: folder).save(notebooks: ["a.md"])
        let unpacked = try #require(PageCache.unpack([UInt8](try Data(contentsOf: pack))))
        #expect(Array(unpacked.keys) == ["a.md"])
        #expect(unpacked["a.md"] == PageCache.unpack([UInt8](saved))?["a.md"])
    }
}
