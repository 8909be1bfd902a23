/// A bibliography entry.
public struct Reference: Sendable, Equatable, Hashable {
    /// The key: a number for entries found in the text (`"1"`, `"2"`, …), the citation key for
    /// entries from front matter or BibTeX. The page anchor is `ref-<id>`.
    public var id: String
    public var title: String?
    public var url: String?
    public var author: String?
    public var year: String?
    /// Where the entry is written (line 0 for entries from outside the Markdown body).
    public var location: TextLocation

    public init(id: String, title: String? = nil, url: String? = nil, author: String? = nil, year: String? = nil,
                location: TextLocation = TextLocation(line: 0, column: 0)) {
        self.id = id
        self.title = title
        self.url = url
        self.author = author
        self.year = year
        self.location = location
    }

    /// The HTML id of the entry.
    public var anchor: String { "ref-\(id)" }
}
