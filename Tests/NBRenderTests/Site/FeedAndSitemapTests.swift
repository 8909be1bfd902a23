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
        let xml = AtomFeedWriter.xml(config: config, entries: entries)
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
        #expect(xml == AtomFeedWriter.xml(config: config, entries: entries.reversed()))
    }

    @Test func feedWithoutBaseURLUsesTagIDs() throws {
        let xml = AtomFeedWriter.xml(config: SiteConfig(title: "T"), entries: entries)
        let parsed = try #require(XMLCollector.parse(xml))
        #expect(parsed.texts["id"]?.first == "tag:nb,2026:T")
        #expect(parsed.texts["id"]?[1] == "tag:nb,2019-07-01:dl/autodiff.html")
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
