import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NBRender

/// Collects elements and their text, failing on malformed XML.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String: [String]] = [:]
    var namespaces: [String] = []
    private var stack: [String] = []
    private var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes)); stack.append(name); text = ""
        if let namespaceURI { namespaces.append(namespaceURI) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        texts[name, default: []].append(text); text = ""; stack.removeLast()
    }
    static func parse(_ xml: String) -> XMLCollector? {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let collector = XMLCollector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct FeedAndSitemapTests {
    let entries = [
        AtomFeedWriter.Entry(path: "dl/autodiff.html", title: "自动求导 & <dual> numbers", date: SiteDate("2019-07-01 10:00:00 +0800"),
                             summary: "Forward \u{1} mode", category: "DL", tags: ["autodiff", "AD"]),
        AtomFeedWriter.Entry(path: "b.html", title: "Older", date: SiteDate("2018-01-01"), summary: "", category: nil, tags: []),
        AtomFeedWriter.Entry(path: "c.html", title: "Undated", date: nil, summary: "", category: nil, tags: []),
    ]

    @Test func atomFeedParsesBackWithTheEntries() throws {
        let config = SiteConfig(title: "Notes \"&\" more", baseURL: "https://example.org/notes", author: "A. Author")
        let xml = AtomFeedWriter.xml(config: config, base: try #require(config.baseURL), entries: entries)
        let parsed = try #require(XMLCollector.parse(xml))
        #expect(parsed.namespaces.allSatisfy { $0 == "http://www.w3.org/2005/Atom" })
        #expect(parsed.texts["title"] == ["Notes \"&\" more", "自动求导 & <dual> numbers", "Older"])
        #expect(parsed.texts["updated"] == ["2019-07-01T10:00:00+08:00", "2019-07-01T10:00:00+08:00", "2018-01-01T00:00:00Z"])
        #expect(parsed.texts["id"] == ["https://example.org/notes/", "https://example.org/notes/dl/autodiff.html", "https://example.org/notes/b.html"])
        // A control character XML forbids becomes U+FFFD (the one escaping function for HTML and XML).
        #expect(parsed.texts["summary"] == ["Forward \u{FFFD} mode"])
        let links = parsed.elements.filter { $0.name == "link" }.map { $0.attributes["href"] ?? "" }
        #expect(links == ["https://example.org/notes/", "https://example.org/notes/feed.xml",
                          "https://example.org/notes/dl/autodiff.html", "https://example.org/notes/b.html"])
        #expect(parsed.elements.filter { $0.name == "category" }.map { $0.attributes["term"] ?? "" } == ["DL", "autodiff", "AD"])
        #expect(xml == AtomFeedWriter.xml(config: config, base: try #require(config.baseURL), entries: entries.reversed()))
    }

    @Test func feedSummariesEndAtAWordBoundaryWithAnEllipsis() throws {
        let long = String(repeating: "gradient descent, ", count: 40)
        let cjk = String(repeating: "自动求导是深度学习框架的核心。", count: 40)
        let feedEntries = [
            AtomFeedWriter.Entry(path: "a.html", title: "A", date: SiteDate("2020-01-01"), summary: long, category: nil, tags: []),
            AtomFeedWriter.Entry(path: "b.html", title: "B", date: SiteDate("2020-01-02"), summary: cjk, category: nil, tags: []),
        ]
        let xml = AtomFeedWriter.xml(config: SiteConfig(title: "T"), base: "https://e.org/", entries: feedEntries)
        let summaries = try #require(XMLCollector.parse(xml)?.texts["summary"])
        #expect(summaries.count == 2)
        for summary in summaries {
            #expect(summary.hasSuffix("…") && summary.count <= AtomFeedWriter.summaryLimit + 1, "\(summary)")
        }
        // Latin text is cut after a whole word (and no dangling comma).
        #expect(summaries[1].hasSuffix("descent…") || summaries[1].hasSuffix("gradient…"))
        #expect(Excerpt.cut("short text", limit: 50) == "short text")
        #expect(Excerpt.cut("alpha beta gamma", limit: 13) == "alpha beta…")
        #expect(Excerpt.cut("alpha beta, gamma", limit: 13) == "alpha beta…")
        #expect(Excerpt.cut("自动求导是深度学习", limit: 4) == "自动求导…")
        #expect(Excerpt.cut("supercalifragilistic", limit: 5) == "super…")
        #expect(Excerpt.cut("The Lasso,", limit: 50) == "The Lasso…")
        #expect(Excerpt.withoutCitations("The Lasso [@tibshirani1996], and [@a; @b].") == "The Lasso, and.")
    }

    @Test func noBaseURLMeansNoFeedNoSitemapAndAWarning() throws {
        let site = try TempSite()
        try site.write("a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n\nText.\n")
        let report = try SiteBuilder(options: SiteBuildOptions(source: site.source, output: site.output, jobs: 1), renderer: ToyRenderer()).build()
        #expect(report.diagnostics.contains { $0.file == "site.yml" && $0.message.contains("no base URL") })
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
        #expect(!(try site.read("a.html")).contains("feed.xml"))
        // --base-url supplies it: absolute URLs only.
        let again = try SiteBuilder(options: SiteBuildOptions(source: site.source, output: site.output, jobs: 1, baseURL: "https://e.org/x"),
                                    renderer: ToyRenderer()).build()
        #expect(!again.diagnostics.contains { $0.file == "site.yml" })
        let sitemap = try #require(XMLCollector.parse(try site.read("sitemap.xml")))
        #expect(sitemap.texts["loc"]?.allSatisfy { $0.hasPrefix("https://e.org/x/") } == true)
        let feed = try #require(XMLCollector.parse(try site.read("feed.xml")))
        #expect(feed.elements.filter { $0.name == "link" }.allSatisfy { $0.attributes["href"]?.hasPrefix("https://e.org/x/") == true })
    }

    @Test func sitemapParsesBackWithEncodedLocations() throws {
        let xml = SitemapWriter.xml(pages: [.init(path: "index.html", date: nil), .init(path: "数学/a b.html", date: SiteDate("2020-02-03"))],
                                    baseURL: "https://example.org/")
        let parsed = try #require(XMLCollector.parse(xml))
        #expect(parsed.namespaces.allSatisfy { $0 == "http://www.sitemaps.org/schemas/sitemap/0.9" })
        #expect(parsed.texts["loc"] == ["https://example.org/index.html", "https://example.org/%E6%95%B0%E5%AD%A6/a%20b.html"])
        #expect(parsed.texts["lastmod"] == ["2020-02-03"])
        #expect(parsed.elements.filter { $0.name == "url" }.count == 2)
    }

    @Test func searchIndexIsValidJSON() throws {
        let json = SearchIndex.json([.init(path: "a.html", title: "Quote \" back\\slash </script>", category: nil, tags: ["t"],
                                           text: "line\nbreak \u{2028} tab\t")])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["title"] as? String == "Quote \" back\\slash </script>")
        #expect(parsed?.first?["text"] as? String == "line\nbreak \u{2028} tab\t")
        #expect(!json.contains("</script>"))
    }
}
