/// One top-level piece of a document.
public enum Block: Sendable, Equatable {
    /// Paragraphs, lists, quotes, tables, rules and display math, as an HTML fragment.
    case prose(Prose)
    case heading(Heading)
    /// An `nb` cell (with its expected `output` block, if one follows it). Boxed: a cell is many
    /// times the size of the other blocks, and every block of a long document would take its size.
    indirect case cell(Cell)
    /// A code block that is shown and not run (including an `output` block that follows no cell).
    case code(CodeBlock)
    /// Consecutive reference entries, rendered as one numbered list.
    case bibliography(Bibliography)

    /// Where the block starts in the file.
    public var location: TextLocation {
        switch self {
        case .prose(let prose): prose.location
        case .heading(let heading): heading.location
        case .cell(let cell): cell.location
        case .code(let code): code.location
        case .bibliography(let bibliography): bibliography.location
        }
    }
}

/// Rendered Markdown that needs nothing more from later stages.
public struct Prose: Sendable, Equatable {
    /// Safe HTML (unless the document opted into `unsafe_html`), math already MathML.
    public var html: String
    public var location: TextLocation
    public init(html: String, location: TextLocation) {
        self.html = html
        self.location = location
    }
}

/// A heading with a stable anchor.
public struct Heading: Sendable, Equatable {
    public var level: Int
    /// Plain text (math as its TeX source), used for the slug, the page title and tables of contents.
    public var text: String
    /// The slug: unique in the document, stable across runs, keeps CJK and other letters.
    public var id: String
    /// The inline content as HTML.
    public var html: String
    public var location: TextLocation
    public init(level: Int, text: String, id: String, html: String, location: TextLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.html = html
        self.location = location
    }
}

/// A fenced or indented code block that is displayed, not run.
public struct CodeBlock: Sendable, Equatable {
    /// The first word of the info string (`swift`, `python`, …), if any.
    public var language: String?
    public var code: String
    public var location: TextLocation
    public init(language: String?, code: String, location: TextLocation) {
        self.language = language
        self.code = code
        self.location = location
    }
}

/// One numbered list of references.
public struct Bibliography: Sendable, Equatable {
    public var references: [Reference]
    public var location: TextLocation
    public init(references: [Reference], location: TextLocation) {
        self.references = references
        self.location = location
    }
}
