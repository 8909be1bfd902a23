import Yams

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
        var result = FrontMatterReferences(references: [], bibliographyFiles: [], diagnostics: [])
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            result.diagnostics.append(BibliographyDiagnostic(message: "front matter is not valid YAML", line: firstLine))
            return result
        }
        guard let mapping = root?.mapping else { return result }
        func fileLine(_ node: Node) -> Int { (node.mark?.line ?? 1) + firstLine - 1 }

        if let files = mapping["bibliography"] {
            result.bibliographyLine = fileLine(files)
            if let single = files.scalar { result.bibliographyFiles = [single.string] }
            else { result.bibliographyFiles = files.array().compactMap(\.string) }
        }
        guard let list = mapping["references"] else { return result }
        guard let items = list.sequence else {
            result.diagnostics.append(BibliographyDiagnostic(message: "`references:` should be a list of entries (id, title, url, author, year)",
                                                             line: fileLine(list)))
            return result
        }
        for item in items {
            guard let fields = item.mapping else {
                result.diagnostics.append(BibliographyDiagnostic(message: "a reference should be a mapping with id, title and url",
                                                                 line: fileLine(item)))
                continue
            }
            guard let id = fields["id"]?.string, !id.isEmpty else {
                result.diagnostics.append(BibliographyDiagnostic(message: "reference without an `id`; add `id: NAME` to cite it as [@NAME]",
                                                                 line: fileLine(item)))
                continue
            }
            let url = fields["url"]?.string
            guard let title = fields["title"]?.string ?? url else {
                result.diagnostics.append(BibliographyDiagnostic(message: "reference \(id) has neither title nor url", line: fileLine(item)))
                continue
            }
            var authors: [String] = []
            if let author = fields["author"] ?? fields["authors"] {
                if let one = author.scalar { authors = [one.string] } else { authors = author.array().compactMap(\.string) }
            }
            let venue = fields["venue"]?.string ?? fields["journal"]?.string ?? fields["publisher"]?.string
            result.references.append(BibliographyEntry(id: id, title: title, url: url, authors: authors,
                                                       year: fields["year"]?.scalar?.string, venue: venue,
                                                       origin: .frontMatter, line: fileLine(item)))
        }
        return result
    }
}
