import Foundation
import Testing
@testable import NBRender

@Suite struct SiteBuilderTests {
    func makeSite() throws -> TempSite {
        let site = try TempSite()
        try site.write("site.yml", "title: Autodiff notes\nurl: https://example.org/nb\nauthor: Someone\n")
        try site.write("index.md", "---\ntitle: ignored, site.yml wins\n---\n\nWelcome to the notes.\n")
        try site.write("dl/autodiff.md", """
        ---
        title: Automatic differentiation
        date: 2019-07-01
        category: DL
        tags: [autodiff, dual numbers]
        references:
          - id: baydin
            title: A survey
            url: https://arxiv.org/abs/1502.05767
            year: 2018
        ---

        Dual numbers [@baydin] and [@nobody]. See [the SSL notes](ssl.md) and [gone](gone.md).

        https://mp.weixin.qq.com/s/abc

        """)
        try site.write("dl/ssl.md", "---\ntitle: Self-supervised learning\ndate: 2020-01-02\ncategory: DL\ntags: [ssl]\n---\n\nBack to [AD](autodiff.md#x). FAIL here.\n\nhttps://arxiv.org/abs/1502.05767/\n")
        try site.write("math/proximal.md", "---\ntitle: Proximal gradient\ndate: 2018-03-04\ncategory: Math\n---\n\nSoft thresholding.\n")
        try site.write("broken.md", "BROKEN\n")
        try site.write("img/plot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try site.write(".hidden/x.md", "not part of the site")
        return site
    }

    @Test func buildsTheWholeSite() throws {
        let site = try makeSite()
        let report = try site.build()
        #expect(report.pages == ["broken.html", "dl/autodiff.html", "dl/ssl.html", "math/proximal.html"])
        #expect(report.exitCode == 2)
        #expect(report.brokenNotebooks == ["broken.md"])
        #expect(report.failedNotebooks == ["dl/ssl.md"])
        let messages = report.diagnostics.map(\.description)
        #expect(messages.contains("broken.md:1:1: error: malformed front matter"))
        #expect(messages.contains { $0.hasPrefix("dl/autodiff.md:13:1: warning: unknown citation [@nobody]") })
        #expect(messages.contains { $0.hasPrefix("dl/autodiff.md:13:1: warning: broken link to gone.md") })
        for file in ["index.html", "style.css", "sitemap.xml", "feed.xml", "bibliography.html", "search.json", "search.js", "img/plot.svg"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".hidden").path))

        let page = try site.read("dl/autodiff.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        #expect(page.contains("<a href=\"ssl.html\">the SSL notes</a>"))
        #expect(page.contains("<a class=\"nb-cite\" id=\"cite-baydin-1\" href=\"#ref-baydin\">[1]</a>"))
        #expect(page.contains("<span class=\"nb-cite-missing\""))
        // Previous/next follow the index (DL newest first, then Math).
        #expect(page.contains("<a rel=\"prev\" href=\"ssl.html\">← Self-supervised learning</a>"))
        #expect(page.contains("<a rel=\"next\" href=\"../math/proximal.html\">Proximal gradient →</a>"))
        #expect(page.contains("href=\"../index.html#tag-dual-numbers\">dual numbers</a>"))
        #expect(!page.contains("<script"))
        #expect(try site.read("broken.html").contains("<div class=\"nb-error\">"))

        let index = try site.read("index.html")
        #expect(index.contains("<title>Autodiff notes</title>"))
        #expect(index.contains("Welcome to the notes."))
        let order = ["Self-supervised learning", "Automatic differentiation", "Proximal gradient", "broken.md"]
            .map { index.range(of: "class=\"nb-card-title\" href=\"[^\"]*\">\($0)</a>", options: .regularExpression)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(index.contains("<h2 id=\"category-dl\">DL</h2>"))

        // The bibliography page merges the survey (same URL on two pages) and links back to both.
        let bibliography = try site.read("bibliography.html")
        #expect(bibliography.components(separatedBy: "<li id=").count - 1 == 2)
        #expect(bibliography.contains("<a href=\"dl/autodiff.html#ref-baydin\">Automatic differentiation [1]</a>; <a href=\"dl/ssl.html#ref-1\">Self-supervised learning [1]</a>"))

        let feed = try #require(XMLCollector.parse(try site.read("feed.xml")))
        #expect(feed.texts["title"] == ["Autodiff notes", "Self-supervised learning", "Automatic differentiation", "Proximal gradient"])
        let sitemap = try #require(XMLCollector.parse(try site.read("sitemap.xml")))
        #expect(sitemap.texts["loc"]?.contains("https://example.org/nb/dl/autodiff.html") == true)
        #expect(try JSONSerialization.jsonObject(with: Data(try site.read("search.json").utf8)) is [[String: Any]])
    }

    @Test func outputIsDeterministicWhateverTheWorkerCount() throws {
        let site = try makeSite()
        for i in 0..<20 { try site.write("gen/n\(i).md", "---\ntitle: Note \(i % 7)\ndate: 2020-01-\(10 + i % 3)\n---\n\nBody \(i) [link](n\((i + 1) % 20).md).\n") }
        let one = site.root.appendingPathComponent("one"), two = site.root.appendingPathComponent("two")
        _ = try site.build(jobs: 1, output: one)
        _ = try site.build(jobs: 4, output: two)
        let files = SiteSources.scan(one, excluding: nil).assets
        #expect(files.count > 25)
        for file in files {
            let a = try Data(contentsOf: one.appendingPathComponent(file)), b = try Data(contentsOf: two.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
    }

    @Test func rebuildWithNothingChangedWritesNothingAndLeavesNoTemporaries() throws {
        let site = try makeSite()
        let first = try site.build()
        #expect(first.written.count > 10)
        let second = try site.build()
        #expect(second.written.isEmpty)
        try site.write("math/proximal.md", "---\ntitle: Proximal gradient\ndate: 2018-03-04\ncategory: Math\n---\n\nSoft thresholding, edited.\n")
        let third = try site.build()
        #expect(third.written == ["math/proximal.html", "index.html", "feed.xml", "search.json"])   // the summary is on its card and in the feed
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func removedNotebookLosesItsPage() throws {
        let site = try makeSite()
        _ = try site.build()
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("math/proximal.html").path))
        try FileManager.default.removeItem(at: site.source.appendingPathComponent("math/proximal.md"))
        _ = try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("math/proximal.html").path))
        #expect(!(try site.read("index.html")).contains("Proximal gradient"))
    }

    @Test func configFromIndexFrontMatterWhenNoSiteYAML() throws {
        let site = try TempSite()
        try site.write("index.md", "---\ntitle: From the index\nurl: https://x.example\n---\n\nHello.\n")
        try site.write("a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n\nText.\n")
        let report = try site.build()
        #expect(report.exitCode == 0)
        #expect(try site.read("index.html").contains("<title>From the index</title>"))
        #expect(try site.read("feed.xml").contains("<link href=\"https://x.example/a.html\"/>"))
    }
}
