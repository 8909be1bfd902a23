import Foundation
import Testing
import NBDocument

@Suite struct AtomicFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-atomic-\(UUID().uuidString)")

    @Test(arguments: [true, false])
    func writesReplacesAndLeavesNoTemporaries(durable: Bool) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("a/b/page.html")
        try AtomicFile.write(Data("first 自动".utf8), to: url, durable: durable)
        #expect(try Data(contentsOf: url) == Data("first 自动".utf8))
        try AtomicFile.write(Data(), to: url, durable: durable)
        #expect(try Data(contentsOf: url).isEmpty)
        let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        #expect(try AtomicFile.writeIfChanged(big, to: url, durable: durable))
        #expect(try !AtomicFile.writeIfChanged(big, to: url, durable: durable))
        #expect(try Data(contentsOf: url) == big)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(names == ["page.html"])
    }

    @Test func aFailedWriteThrowsAndLeavesTheOldFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("page.html")
        try AtomicFile.write(Data("old".utf8), to: url, durable: false)
        // A folder in the way of the destination: the rename fails.
        let blocked = folder.appendingPathComponent("dir")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try AtomicFile.write(Data("new".utf8), to: blocked, durable: false) }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dir", "page.html"])
    }
}
