/// HTML for a numbered bibliography (SPEC §5 hook: `<ol class="nb-bibliography">` with
/// `<li id="ref-…">`). Each entry shows its linked title, the host (or venue), and the authors and
/// year when known.
public enum BibliographyHTML {
    /// A link back to a page citing an entry (site bibliography page); `href` is site-relative.
    public struct Backlink: Sendable, Equatable {
        public var href: String
        public var label: String
        public init(href: String, label: String) { self.href = href; self.label = label }
    }

    /// The `<ol>` for `entries`, numbered from 1. `backlinks[i]` (optional) lists pages citing entry i.
    /// `start` is the number of the first entry (when the page has earlier numbered entries).
    public static func list(_ entries: [BibliographyEntry], backlinks: [[Backlink]] = [], start: Int = 1) -> String {
        var out = start == 1 ? "<ol class=\"nb-bibliography\">\n" : "<ol class=\"nb-bibliography\" start=\"\(start)\">\n"
        for (i, entry) in entries.enumerated() {
            out += item(entry, backlinks: i < backlinks.count ? backlinks[i] : [])
        }
        out += "</ol>\n"
        return out
    }

    /// One `<li id="ref-ID">`.
    public static func item(_ entry: BibliographyEntry, backlinks: [Backlink] = []) -> String {
        let e = HTMLEscaping.escape
        var out = "<li id=\"ref-\(e(entry.id))\">"
        if let url = entry.url, let href = LinkSafety.attribute(url) {
            out += "<a class=\"nb-ref-title\" href=\"\(href)\">\(e(entry.title))</a>"
        } else {
            out += "<span class=\"nb-ref-title\">\(e(entry.title))</span>"
        }
        if let host = entry.host { out += " <span class=\"nb-ref-host\">\(e(host))</span>" }
        var byline: [String] = []
        if !entry.authors.isEmpty { byline.append("<span class=\"nb-ref-authors\">\(e(entry.authors.joined(separator: ", ")))</span>") }
        if let year = entry.year { byline.append("<span class=\"nb-ref-year\">\(e(year))</span>") }
        if !byline.isEmpty { out += " <span class=\"nb-ref-byline\">" + byline.joined(separator: ", ") + "</span>" }
        if !backlinks.isEmpty {
            out += " <span class=\"nb-ref-backlinks\">cited in "
            out += backlinks.map { "<a href=\"\(LinkSafety.relativeAttribute($0.href))\">\(e($0.label))</a>" }.joined(separator: ", ")
            out += "</span>"
        }
        out += "</li>\n"
        return out
    }
}
