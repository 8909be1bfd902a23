import Testing
import NBDocument
@testable import NBRender

@Suite struct PageCacheCodecTests {
    let entry = PageCache.Entry(
        format: PageCache.Entry.format, engineVersion: "0.1.0", sourceHash: "abc",
        dependencies: [.init(path: "refs.bib", hash: "h1"), .init(path: "data/x.csv", hash: "h2")], cellLines: [15, 30],
        render: NotebookRender(
            title: "Ünïcode: 自动求导 12:34", date: SiteDate("2019-07-01 10:00:00 +0800"), category: nil, tags: ["a", ""],
            blocks: [HTMLBlock(html: "<p>x:y\n5:abc</p>", line: 3), HTMLBlock(html: "", line: 0)],
            references: [BibliographyEntry(id: "k", title: "T", url: nil, authors: ["A", "B"], year: "2020", venue: "V", origin: .bibtex, line: 2)],
            summary: "s", searchText: "", diagnostics: [SiteDiagnostic(file: "a.md", line: 1, column: 2, severity: .error, message: "m", hint: "h"), SiteDiagnostic(file: "a.md", line: 3, message: "w")],
            failed: true))

    @Test func roundTrips() {
        let bytes = PageCacheCodec.encode(entry)
        #expect(PageCacheCodec.decode(bytes) == entry)
    }

    @Test func truncatedOrCorruptInputIsAMiss() {
        let bytes = PageCacheCodec.encode(entry)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(PageCacheCodec.decode(Array(bytes[0..<cut])) == nil)
        }
        var corrupt = bytes
        corrupt[PageCacheCodec.magic.count] = UInt8(ascii: "x")
        #expect(PageCacheCodec.decode(corrupt) == nil)
        #expect(PageCacheCodec.decode(Array("nb-page-cache 2\n99999999999999:".utf8)) == nil)
    }
}
