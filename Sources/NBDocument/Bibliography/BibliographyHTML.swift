/// HTML for a bibliography (SPEC §5 hook: `<ol class="nb-bibliography">` with `<li id="ref-…">`),
/// the one writer of bibliography entries for pages, link lists and the site's bibliography page.
/// An entry reads `Authors. Title. Venue or host, year.` with the title linked, followed by ↩
/// links back to where the page cites it, or (on the site page) by the pages that list it.
public enum BibliographyHTML {
    /// A link to a page listing an entry (site bibliography page); `href` is site-relative.
    public struct Backlink: Sendable, Equatable {
        public var href: String
        public var label: String
        /// The full page title, shown as a tooltip when `label` is shortened.
        public var title: String?
        public init(href: String, label: String, title: String? = nil) {
            self.href = href; self.label = label; self.title = title
        }
    }

    /// Authors named in full before "et al." takes over.
    static let maximumAuthors = 4

    /// The `<ol>` for `entries`, numbered from `start` (when the page has earlier numbered
    /// entries). `citations[i]` (optional) is how often the page cites entry i: that many ↩ links
    /// to `#cite-ID-1`, `#cite-ID-2`, …. `backlinks[i]` (optional) lists pages listing entry i.
    /// An unnumbered list (`numbered: false`, the site's bibliography page) has class `nb-unnumbered`.
    public static func list(_ entries: [BibliographyEntry], start: Int = 1, numbered: Bool = true, citations: [Int] = [],
                            backlinks: [[Backlink]] = []) -> String {
        var out = !numbered ? "<ol class=\"nb-bibliography nb-unnumbered\">\n"
            : start == 1 ? "<ol class=\"nb-bibliography\">\n" : "<ol class=\"nb-bibliography\" start=\"\(start)\">\n"
        for (i, entry) in entries.enumerated() {
            out += item(entry, citations: i < citations.count ? citations[i] : 0,
                        backlinks: i < backlinks.count ? backlinks[i] : [])
        }
        out += "</ol>\n"
        return out
    }

    /// The anchor of the `occurrence`-th (1-based) citation of the entry `entryID` in a page.
    public static func citationAnchor(entryID: String, occurrence: Int) -> String {
        "cite-\(entryID)-\(occurrence)"
    }

    /// One `<li id="ref-ID">`.
    public static func item(_ entry: BibliographyEntry, citations: Int = 0, backlinks: [Backlink] = []) -> String {
        let e = HTMLEscaping.escape
        var out = "<li id=\"ref-\(e(entry.id))\">"
        if !entry.authors.isEmpty {
            let names = authorList(entry.authors)
            out += "<span class=\"nb-ref-authors\">\(e(names))</span>" + (endsSentence(names) ? " " : ". ")
        }
        if let url = entry.url, let href = LinkSafety.attribute(url) {
            out += "<a class=\"nb-ref-title\" href=\"\(href)\">\(e(entry.title))</a>"
        } else {
            out += "<span class=\"nb-ref-title\">\(e(entry.title))</span>"
        }
        var details: [String] = []
        if let venue = entry.venue {
            details.append("<span class=\"nb-ref-venue\">\(e(venue))</span>")
        } else if let host = entry.host, entry.title != entry.url {   // a bare URL names its host already
            details.append("<span class=\"nb-ref-host\">\(e(host))</span>")
        }
        if let year = entry.year { details.append("<span class=\"nb-ref-year\">\(e(year))</span>") }
        if !details.isEmpty {
            out += (endsSentence(entry.title) ? " " : ". ") + details.joined(separator: ", ") + "."
        } else if !endsSentence(entry.title) {
            out += "."
        }
        if citations > 0 { out += " " + backReferences(entryID: entry.id, count: citations) }
        if !backlinks.isEmpty {
            out += " <span class=\"nb-ref-citedby\">"
            out += backlinks.map { link in
                let title = link.title.map { " title=\"\(e($0))\"" } ?? ""
                return "<a href=\"\(LinkSafety.relativeAttribute(link.href))\"\(title)>\(e(link.label))</a>"
            }.joined(separator: "; ")
            out += "</span>"
        }
        out += "</li>\n"
        return out
    }

    /// `↩` back to the one citation, or `↩ a b c` for several (as Wikipedia does).
    static func backReferences(entryID: String, count: Int) -> String {
        let e = HTMLEscaping.escape
        if count == 1 {
            let anchor = e(citationAnchor(entryID: entryID, occurrence: 1))
            return "<a class=\"nb-backref\" href=\"#\(anchor)\" aria-label=\"Back to the citation\">↩</a>"
        }
        var out = "<span class=\"nb-backrefs\">↩"
        for k in 1...count {
            let anchor = e(citationAnchor(entryID: entryID, occurrence: k))
            out += " <a class=\"nb-backref\" href=\"#\(anchor)\" aria-label=\"Back to citation \(k)\">\(label(k))</a>"
        }
        return out + "</span>"
    }

    /// a … z, then aa, ab, … (spreadsheet columns).
    static func label(_ k: Int) -> String {
        var n = k, out = ""
        while n > 0 {
            n -= 1
            out = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(n % 26))) + out
            n /= 26
        }
        return out
    }

    /// "A", "A and B", "A, B, C and D", "A, B, C et al." (more than `maximumAuthors`).
    static func authorList(_ names: [String]) -> String {
        var names = names
        var etAl = false
        if let last = names.last, last == "et al." { names.removeLast(); etAl = true }
        if names.count > maximumAuthors { names = Array(names.prefix(3)); etAl = true }
        guard let last = names.last else { return etAl ? "et al." : "" }
        if etAl { return names.joined(separator: ", ") + " et al." }
        if names.count == 1 { return last }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Whether text already ends a sentence (no period is added after it).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".?!。？！…".contains(last)
    }
}
