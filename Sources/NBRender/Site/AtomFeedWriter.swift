import NBDocument
/// Atom 1.0 `feed.xml` (RFC 4287): the newest pages first. The feed's `updated` is the newest
/// page's date (not the build time), so the same site gives the same bytes.
public enum AtomFeedWriter {
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var title: String
        public var date: SiteDate?
        public var summary: String
        public var category: String?
        public var tags: [String]
        public init(path: String, title: String, date: SiteDate?, summary: String, category: String?, tags: [String]) {
            self.path = path; self.title = title; self.date = date; self.summary = summary; self.category = category; self.tags = tags
        }
    }

    /// Longest summary, in characters; a longer one is cut at a word boundary, with an ellipsis.
    static let summaryLimit = 280

    /// At most `limit` entries, newest first (undated pages are left out: Atom needs a date). Every
    /// URL is absolute, from `base` (the site's base URL, ending in `/`).
    public static func xml(config: SiteConfig, base: String, entries: [Entry], limit: Int = 50) -> String {
        let dated = entries.filter { $0.date != nil }.sorted { a, b in
            a.date! != b.date! ? a.date! > b.date! : (a.title != b.title ? a.title < b.title : a.path < b.path)
        }.prefix(limit)
        let e = HTMLEscaping.escape
        let updated = dated.first?.date?.rfc3339 ?? "1970-01-01T00:00:00Z"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(e(config.title))</title>\n"
        if let description = config.description { out += "  <subtitle>\(e(description))</subtitle>\n" }
        out += "  <link href=\"\(e(SiteURLs.absolute("", base: base)))\"/>\n"
        out += "  <link rel=\"self\" href=\"\(e(SiteURLs.absolute("feed.xml", base: base)))\"/>\n"
        out += "  <id>\(e(base))</id>\n"
        out += "  <updated>\(updated)</updated>\n"
        out += "  <author><name>\(e(config.author ?? config.title))</name></author>\n"
        out += "  <generator>nb</generator>\n"
        for entry in dated {
            let link = SiteURLs.absolute(entry.path, base: base)
            out += "  <entry>\n"
            out += "    <title>\(e(entry.title))</title>\n"
            out += "    <link href=\"\(e(link))\"/>\n"
            out += "    <id>\(e(link))</id>\n"
            out += "    <updated>\(entry.date!.rfc3339)</updated>\n"
            if let category = entry.category { out += "    <category term=\"\(e(category))\"/>\n" }
            for tag in entry.tags { out += "    <category term=\"\(e(tag))\"/>\n" }
            if !entry.summary.isEmpty { out += "    <summary>\(e(Excerpt.cut(entry.summary, limit: summaryLimit)))</summary>\n" }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
