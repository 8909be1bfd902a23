import NBDocument

/// Every reference of the site, merged across pages (same normalised URL, or same id and title
/// when there is no URL), numbered in order of first appearance (pages in path order), each with
/// the pages that list it.
public struct SiteBibliography: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var entry: BibliographyEntry
        /// Pages (site-relative output paths) listing the entry, with the id it has there.
        public var citedBy: [(page: String, title: String, id: String)]
        public static func == (a: Item, b: Item) -> Bool {
            a.entry == b.entry && a.citedBy.map(\.page) == b.citedBy.map(\.page) && a.citedBy.map(\.id) == b.citedBy.map(\.id)
        }
    }

    public var items: [Item]

    /// - Parameter pages: (output path, page title, its references), in any order.
    public init(pages: [(path: String, title: String, references: [BibliographyEntry])]) {
        var items: [Item] = []
        var byKey: [String: Int] = [:]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            var seenOnPage = Set<Int>()
            for entry in page.references {
                let key = entry.normalizedURL ?? "id:\(entry.id)|\(entry.title)"
                if let existing = byKey[key] {
                    if seenOnPage.insert(existing).inserted {
                        items[existing].citedBy.append((page.path, page.title, entry.id))
                    }
                    if items[existing].entry.authors.isEmpty { items[existing].entry.authors = entry.authors }
                    if items[existing].entry.year == nil { items[existing].entry.year = entry.year }
                } else {
                    byKey[key] = items.count
                    seenOnPage.insert(items.count)
                    items.append(Item(entry: entry, citedBy: [(page.path, page.title, entry.id)]))
                }
            }
        }
        // Ids must be unique on the bibliography page: number them.
        for i in items.indices { items[i].entry.id = "\(i + 1)" }
        self.items = items
    }

    /// The `<ol class="nb-bibliography">` with back-links (`page.html#ref-id`).
    public var html: String {
        BibliographyHTML.list(items.map(\.entry), backlinks: items.map { item in
            item.citedBy.map { BibliographyHTML.Backlink(href: "\($0.page)#ref-\($0.id)", label: $0.title) }
        })
    }
}
