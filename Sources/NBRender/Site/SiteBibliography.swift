import Foundation
import NBDocument
import NBHash

/// Every reference of the site, merged across pages (same normalised URL, or same id and title
/// when there is no URL), sorted by author (the first author's last name; the title for an entry
/// without authors) then title, each with the pages that list it and the number it has there.
/// The list is not numbered itself: a number belongs to a page, and the site page says which
/// number an entry has on each page that lists it.
public struct SiteBibliography: Sendable, Equatable {
    /// A page listing an entry.
    public struct Listing: Sendable, Equatable {
        /// Site-relative output path.
        public var page: String
        public var title: String
        /// The entry's id on that page (its anchor there is `ref-ID`).
        public var id: String
        /// The entry's number on that page.
        public var number: Int
    }

    public struct Item: Sendable, Equatable {
        /// The entry, its id made unique on the bibliography page (its key, or `url-` and a hash
        /// of its URL for a link without a key).
        public var entry: BibliographyEntry
        public var listedIn: [Listing]
    }

    public var items: [Item]

    /// - Parameter pages: (output path, page title, its references in page order), in any order.
    public init(pages: [(path: String, title: String, references: [BibliographyEntry])]) {
        var items: [Item] = []
        var byKey: [String: Int] = [:]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            var seenOnPage = Set<Int>()
            for (position, entry) in page.references.enumerated() {
                let listing = Listing(page: page.path, title: page.title, id: entry.id, number: position + 1)
                let key = entry.normalizedURL ?? "id:\(entry.id)|\(entry.title)"
                if let existing = byKey[key] {
                    if seenOnPage.insert(existing).inserted { items[existing].listedIn.append(listing) }
                    var kept = items[existing].entry
                    if kept.authors.isEmpty { kept.authors = entry.authors }
                    if kept.year == nil { kept.year = entry.year }
                    if kept.venue == nil { kept.venue = entry.venue }
                    if kept.origin == .linkList, entry.origin != .linkList { kept.id = entry.id; kept.origin = entry.origin }
                    items[existing].entry = kept
                } else {
                    byKey[key] = items.count
                    seenOnPage.insert(items.count)
                    items.append(Item(entry: entry, listedIn: [listing]))
                }
            }
        }
        items.sort { Self.precedes($0.entry, $1.entry) }
        // Ids must be unique on the bibliography page and stable as the site grows.
        var used = Set<String>()
        for i in items.indices {
            let entry = items[i].entry
            var id = entry.origin == .linkList ? "url-" + SHA256.hex(entry.normalizedURL ?? entry.title).prefix(10) : entry.id
            if !used.insert(id).inserted {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
                used.insert(id)
            }
            items[i].entry.id = id
        }
        self.items = items
    }

    /// By the sort name (first author's last name, else the title), then the title, then the URL;
    /// case and accents ignored first, then compared exactly (deterministic, locale-free).
    static func precedes(_ a: BibliographyEntry, _ b: BibliographyEntry) -> Bool {
        let keys = { (entry: BibliographyEntry) -> [String] in
            [sortName(entry), entry.title, entry.url ?? ""]
        }
        let ka = keys(a), kb = keys(b)
        for (x, y) in zip(ka, kb) where x != y {
            let fx = folded(x), fy = folded(y)
            return fx != fy ? fx < fy : x < y
        }
        return a.id < b.id
    }

    /// The first author's last name ("Atılım Güneş Baydin" → "Baydin"), else the title.
    static func sortName(_ entry: BibliographyEntry) -> String {
        guard let first = entry.authors.first, first != "et al." else { return entry.title }
        return first.split(separator: " ").last.map(String.init) ?? first
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The page title without its translation and subtitle (`Forty labels: self-supervised
    /// learning · 自监督` → `Forty labels`), to name a page compactly.
    static func shortTitle(_ title: String) -> String {
        var short = Substring(title)
        for separator in [" · ", ": "] {
            if let range = short.range(of: separator), range.lowerBound > short.startIndex { short = short[..<range.lowerBound] }
        }
        let trimmed = short.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? title : trimmed
    }

    /// The `<ol class="nb-bibliography">`, unnumbered, each entry followed by the pages listing it
    /// (`Short page title [n]`, linked to the entry on that page).
    public var html: String {
        BibliographyHTML.list(items.map(\.entry), numbered: false, backlinks: items.map { item in
            item.listedIn.map { listing in
                let short = Self.shortTitle(listing.title)
                return BibliographyHTML.Backlink(href: "\(listing.page)#ref-\(listing.id)", label: "\(short) [\(listing.number)]",
                                                 title: short == listing.title ? nil : listing.title)
            }
        })
    }
}
