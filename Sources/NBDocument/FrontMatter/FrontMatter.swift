/// The YAML front matter of a notebook: Jekyll's keys, the `nb:` engine options, and every field
/// as written (so later stages can read `references:` or `bibliography:`).
public struct FrontMatter: Sendable, Equatable {
    /// `title`.
    public var title: String?
    /// `date`, as written (Jekyll accepts `2019-05-01` and `2019-05-01 10:00:00 +0800`).
    public var date: String?
    /// `category` and `categories` (a list, or one space-separated string), in order.
    public var categories: [String]
    /// `tags` (a list, or one space-separated string).
    public var tags: [String]
    /// `layout`.
    public var layout: String?
    /// `nb:` options.
    public var options: NotebookOptions
    /// Every top-level field, in order, as written.
    public var fields: [YAMLEntry]
    /// 1-based lines of the opening and closing `---` (both 0 when there is no front matter).
    public var openingLine: Int
    public var closingLine: Int

    public init(title: String? = nil, date: String? = nil, categories: [String] = [], tags: [String] = [],
                layout: String? = nil, options: NotebookOptions = NotebookOptions(), fields: [YAMLEntry] = [],
                openingLine: Int = 0, closingLine: Int = 0) {
        self.title = title
        self.date = date
        self.categories = categories
        self.tags = tags
        self.layout = layout
        self.options = options
        self.fields = fields
        self.openingLine = openingLine
        self.closingLine = closingLine
    }

    /// A top-level field as written (`references`, `bibliography`, …).
    public subscript(key: String) -> YAMLValue? {
        fields.first(where: { $0.key == key })?.value
    }

    /// `references:` as written, for the bibliography stage.
    public var references: YAMLValue? { self["references"] }
    /// `bibliography:` (a BibTeX file path), as written.
    public var bibliography: String? { self["bibliography"]?.scalar }
}
