/// The order of a site's pages: the index groups pages by category (categories by name,
/// uncategorised last) and sorts each group by date, newest first, ties and undated pages by
/// title (undated after dated). Previous/next links follow the index: a page's previous is the
/// card above it, its next the card below, across category groups.
public struct SiteIndex: Sendable, Equatable {
    /// What the index needs of a page.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var title: String
        public var date: SiteDate?
        public var category: String?
        /// Front matter `description:` or the first paragraph, as plain text ("" when none).
        public var description: String
        public init(path: String, title: String, date: SiteDate?, category: String?, description: String = "") {
            self.path = path; self.title = title; self.date = date; self.category = category; self.description = description
        }
    }

    public struct Group: Sendable, Equatable {
        /// nil for pages without a category.
        public var category: String?
        public var entries: [Entry]
    }

    public var groups: [Group]
    /// Pages in reading order for previous/next links: the index's order.
    public var readingOrder: [Entry]
    /// Position of each path in `readingOrder` (the first, should a path repeat).
    private var readingPosition: [String: Int]

    public init(_ entries: [Entry]) {
        var byCategory: [String?: [Entry]] = [:]
        for entry in entries { byCategory[entry.category.flatMap { $0.isEmpty ? nil : $0 }, default: []].append(entry) }
        let names = byCategory.keys.compactMap { $0 }.sorted { Self.titleOrder($0, $1) }
        let keys: [String?] = names.map { Optional($0) } + (byCategory[nil] == nil ? [] : [nil])
        groups = keys.map { key in Group(category: key, entries: (byCategory[key] ?? []).sorted(by: Self.newestFirst)) }
        readingOrder = groups.flatMap(\.entries)
        readingPosition = Dictionary(readingOrder.enumerated().map { ($1.path, $0) }, uniquingKeysWith: min)
    }

    /// Newest first; undated last; ties by title, then path.
    static func newestFirst(_ a: Entry, _ b: Entry) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return titleThenPath(a, b)
        }
    }

    static func titleThenPath(_ a: Entry, _ b: Entry) -> Bool {
        if a.title != b.title { return titleOrder(a.title, b.title) }
        return a.path < b.path
    }

    /// Case-insensitive, then exact (deterministic, locale-free).
    static func titleOrder(_ a: String, _ b: String) -> Bool {
        let la = a.lowercased(), lb = b.lowercased()
        return la != lb ? la < lb : a < b
    }

    /// The pages before and after `path` in reading order.
    public func neighbours(of path: String) -> (previous: Entry?, next: Entry?) {
        guard let i = readingPosition[path] else { return (nil, nil) }
        return (i > 0 ? readingOrder[i - 1] : nil, i + 1 < readingOrder.count ? readingOrder[i + 1] : nil)
    }
}
