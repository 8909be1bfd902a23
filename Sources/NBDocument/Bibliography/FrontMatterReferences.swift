/// Reads the bibliography keys of a notebook's front matter (SPEC §3):
///
/// ```yaml
/// references:
///   - id: baydin2018
///     title: Automatic Differentiation in Machine Learning: a Survey
///     url: https://arxiv.org/abs/1502.05767
///     author: [Atılım Güneş Baydin, Barak A. Pearlmutter]   # or one string
///     year: 2018
/// bibliography: refs.bib          # or a list of files
/// ```
public struct FrontMatterReferences: Sendable, Equatable {
    /// Entries of `references:`, in order.
    public var references: [BibliographyEntry]
    /// Paths listed under `bibliography:` (relative to the notebook).
    public var bibliographyFiles: [String]
    /// File line of the `bibliography:` key, for messages about its files.
    public var bibliographyLine: Int?
    public var diagnostics: [BibliographyDiagnostic]

    /// Parses the YAML between the `---` lines. `firstLine` is the file line of the YAML's first
    /// line (2 when the front matter starts the file), so that diagnostics name file lines.
    public static func parse(yaml: String, firstLine: Int = 2) -> FrontMatterReferences {
        let root: YAMLValue?
        do { root = try YAMLReader.read(yaml, firstLine: firstLine) } catch {
            return FrontMatterReferences(references: [], bibliographyFiles: [], diagnostics: [
                BibliographyDiagnostic(message: error.message, line: error.location?.line ?? firstLine,
                                       column: error.location?.column ?? 1)])
        }
        return read(root?.entries ?? [])
    }

    private static func read(_ fields: [YAMLEntry]) -> FrontMatterReferences {
        var result = FrontMatterReferences(references: [], bibliographyFiles: [], diagnostics: [])
        let mapping = YAMLValue(.mapping(fields), line: 1)
        if let files = mapping["bibliography"] {
            result.bibliographyLine = files.line
            if let single = files.scalar { result.bibliographyFiles = [single] }
            else { result.bibliographyFiles = (files.elements ?? []).compactMap(\.scalar) }
        }
        guard let list = mapping["references"] else { return result }
        guard let items = list.elements else {
            result.diagnostics.append(BibliographyDiagnostic(message: "`references:` should be a list of entries (id, title, url, author, year)",
                                                             line: list.line))
            return result
        }
        for item in items {
            guard item.entries != nil else {
                result.diagnostics.append(BibliographyDiagnostic(message: "a reference should be a mapping with id, title and url",
                                                                 line: item.line))
                continue
            }
            guard let id = item["id"]?.scalar, !id.isEmpty else {
                result.diagnostics.append(BibliographyDiagnostic(message: "reference without an `id`; add `id: NAME` to cite it as [@NAME]",
                                                                 line: item.line))
                continue
            }
            let url = item["url"]?.scalar
            guard let title = item["title"]?.scalar ?? url else {
                result.diagnostics.append(BibliographyDiagnostic(message: "reference \(id) has neither title nor url", line: item.line))
                continue
            }
            var authors: [String] = []
            if let author = item["author"] ?? item["authors"] {
                if let one = author.scalar { authors = [one] } else { authors = (author.elements ?? []).compactMap(\.scalar) }
            }
            let venue = item["venue"]?.scalar ?? item["journal"]?.scalar ?? item["publisher"]?.scalar
            result.references.append(BibliographyEntry(id: id, title: title, url: url, authors: authors,
                                                       year: item["year"]?.scalar, venue: venue,
                                                       origin: .frontMatter, line: item.line))
        }
        return result
    }
}

extension FrontMatterReferences {
    /// The keys of front matter already read (a page's front matter is parsed once, by
    /// `FrontMatterParser`).
    public init(_ frontMatter: FrontMatter) {
        self = Self.read(frontMatter.fields)
    }
}
