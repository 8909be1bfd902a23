import Testing
import NBDocument
@testable import NBRender

@Suite struct SiteBibliographyTests {
    func entry(_ id: String, _ title: String, _ url: String?, authors: [String] = [], origin: BibliographyEntry.Origin = .linkList) -> BibliographyEntry {
        BibliographyEntry(id: id, title: title, url: url, authors: authors, origin: origin, line: 1)
    }

    @Test func sortedByAuthorThenTitleOneEntryPerSourceWithEachPagesNumber() {
        let bibliography = SiteBibliography(pages: [
            ("b.html", "Second page · 第二页", [
                entry("1", "Zeta", "https://z.example"),
                entry("beck", "FISTA", "https://doi.org/10.1137/x", authors: ["Amir Beck", "Marc Teboulle"], origin: .bibtex),
            ]),
            ("a.html", "First page: with a subtitle", [
                entry("1", "FISTA again", "https://doi.org/10.1137/x/"),
                entry("2", "Alpha", "https://alpha.example"),
                entry("3", "Émile", nil, authors: ["Jean Émile"], origin: .frontMatter),
            ]),
        ])
        // Beck (author) < Alpha? No: sort names are "Beck", "Alpha" (title), "Émile" (last name), "Zeta".
        #expect(bibliography.items.map(\.entry.title) == ["Alpha", "FISTA again", "Émile", "Zeta"])
        let fista = bibliography.items[1]
        #expect(fista.entry.id == "beck")                       // a keyed entry keeps its key
        #expect(fista.entry.authors == ["Amir Beck", "Marc Teboulle"])
        #expect(fista.listedIn.map(\.page) == ["a.html", "b.html"])
        #expect(fista.listedIn.map(\.number) == [1, 2])
        #expect(bibliography.items[0].entry.id.hasPrefix("url-"))
        let html = bibliography.html
        #expect(html.hasPrefix("<ol class=\"nb-bibliography nb-unnumbered\">"))
        #expect(html.contains("<a href=\"a.html#ref-1\" title=\"First page: with a subtitle\">First page [1]</a>; <a href=\"b.html#ref-beck\" title=\"Second page · 第二页\">Second page [2]</a>"))
        #expect(Set(bibliography.items.map(\.entry.id)).count == bibliography.items.count)
    }

    @Test func shortTitles() {
        #expect(SiteBibliography.shortTitle("Automatic differentiation, four ways · 自动求导") == "Automatic differentiation, four ways")
        #expect(SiteBibliography.shortTitle("Forty labels: digits · 自监督") == "Forty labels")
        #expect(SiteBibliography.shortTitle("自动求导") == "自动求导")
    }

    @Test func indexCardsShowDescriptionDateAndCategoryAndTagsListAPageOnce() throws {
        let site = try TempSite()
        try site.write("site.yml", "title: T\nurl: https://e.org/\n")
        try site.write("a.md", "---\ntitle: A\ndate: 2020-01-01\ncategory: DL\ntags: [x, X, x]\n---\n\nFirst paragraph of A.\n")
        try site.write("b.md", "---\ntitle: B\ndate: 2021-01-01\ncategory: DL\ntags: [x]\n---\n\nB.\n")
        _ = try site.build()
        let index = try site.read("index.html")
        #expect(index.contains("<li class=\"nb-card\"><a class=\"nb-card-title\" href=\"a.html\">A</a><span class=\"nb-card-meta\"><time datetime=\"2020-01-01\">2020-01-01</time> · <span class=\"nb-category\">DL</span></span>"))
        let tag = try #require(index.components(separatedBy: "<dt id=\"tag-x\">").last?.components(separatedBy: "</dd>").first)
        #expect(tag.components(separatedBy: "href=\"a.html\"").count == 2)
        #expect(index.components(separatedBy: "<dt id=\"tag-x\">").count == 2)
        // Previous/next follow the index: B (newer) is above A.
        #expect(try site.read("b.html").contains("<a rel=\"next\" href=\"a.html\">"))
    }
}
