import Testing
@testable import NBRender

@Suite struct SiteIndexTests {
    func entry(_ path: String, _ title: String, _ date: String?, _ category: String?) -> SiteIndex.Entry {
        SiteIndex.Entry(path: path, title: title, date: date.flatMap(SiteDate.init), category: category)
    }

    @Test func groupsByCategoryNewestFirstTiesByTitle() {
        let index = SiteIndex([
            entry("a.html", "Beta", "2020-01-01", "DL"),
            entry("b.html", "alpha", "2020-01-01", "DL"),
            entry("c.html", "Newest", "2021-06-01", "DL"),
            entry("d.html", "Undated", nil, "DL"),
            entry("e.html", "Math post", "2019-01-01", "Math"),
            entry("f.html", "Loose", "2018-01-01", nil),
            entry("g.html", "AD", "2019-05-05", "ad"),
        ])
        #expect(index.groups.map(\.category) == ["ad", "DL", "Math", nil])
        #expect(index.groups[1].entries.map(\.title) == ["Newest", "alpha", "Beta", "Undated"])
        // Previous/next follow the index, across category groups.
        #expect(index.readingOrder.map(\.path) == ["g.html", "c.html", "b.html", "a.html", "d.html", "e.html", "f.html"])
        #expect(index.neighbours(of: "e.html").previous?.path == "d.html")
        #expect(index.neighbours(of: "e.html").next?.path == "f.html")
        #expect(index.neighbours(of: "g.html").previous == nil)
        #expect(index.neighbours(of: "f.html").next == nil)
    }

    @Test func datesParseJekyllAndISOForms() {
        #expect(SiteDate("2019-07-01")?.rfc3339 == "2019-07-01T00:00:00Z")
        #expect(SiteDate("2019-07-01 10:20:30 +0800")?.rfc3339 == "2019-07-01T10:20:30+08:00")
        #expect(SiteDate("2019-07-01T10:20:30-05:30")?.rfc3339 == "2019-07-01T10:20:30-05:30")
        #expect(SiteDate("2019-07-01T10:20Z")?.rfc3339 == "2019-07-01T10:20:00Z")
        #expect(SiteDate("2019-13-01") == nil)
        #expect(SiteDate("yesterday") == nil)
        #expect(SiteDate("2019-07-01 10:20:30 +0800 junk") == nil)
        // Offsets are instants: 09:00+08:00 is before 02:00Z the same day.
        #expect(SiteDate("2019-07-01 09:00:00 +0800")! < SiteDate("2019-07-01T02:00:00Z")!)
    }

    @Test func pathArithmetic() {
        #expect(SitePaths.htmlPath(for: "dl/autodiff.md") == "dl/autodiff.html")
        #expect(SitePaths.rootPrefix(of: "a/b/c.html") == "../../")
        #expect(SitePaths.rootPrefix(of: "c.html") == "")
        #expect(SitePaths.resolve("../x/y.md", from: "a/b.md") == "x/y.md")
        #expect(SitePaths.resolve("./y.md", from: "a/b.md") == "a/y.md")
        #expect(SitePaths.resolve("../../y.md", from: "a/b.md") == nil)
        #expect(SitePaths.relativeLink(from: "a/x.html", to: "b/y.html") == "../b/y.html")
        #expect(SitePaths.relativeLink(from: "a/x.html", to: "a/y.html") == "y.html")
        #expect(SitePaths.relativeLink(from: "x.html", to: "a/b/y.html") == "a/b/y.html")
    }
}
