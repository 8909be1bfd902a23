import Yams

/// Site-wide settings from `site.yml` at the site root, or else from the front matter of the
/// root `index.md`: `title`, `url` (base URL for the feed and sitemap), `description`, `author`,
/// `lang`.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// Absolute base URL ending in `/`, or nil (then feed and sitemap use site-relative links).
    public var baseURL: String?
    public var description: String?
    public var author: String?
    public var language: String

    public init(title: String = "Notebooks", baseURL: String? = nil, description: String? = nil, author: String? = nil,
                language: String = "en") {
        self.title = title
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.description = description; self.author = author; self.language = language
    }

    /// Reads the keys from YAML text; unknown keys are ignored, malformed YAML gives the defaults
    /// and a diagnostic.
    public static func parse(yaml: String, file: String, firstLine: Int = 1) -> (SiteConfig, [SiteDiagnostic]) {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            var line = firstLine
            if let yamlError = error as? YamlError, case .scanner(_, _, let mark, _) = yamlError { line = mark.line + firstLine - 1 }
            if let yamlError = error as? YamlError, case .parser(_, _, let mark, _) = yamlError { line = mark.line + firstLine - 1 }
            return (SiteConfig(), [SiteDiagnostic(file: file, line: line, message: "site settings are not valid YAML; using defaults")])
        }
        guard let map = node?.mapping else { return (SiteConfig(), []) }
        let url = map["url"]?.string.map { url in
            if let base = map["baseurl"]?.string, !base.isEmpty {
                return (url.hasSuffix("/") ? String(url.dropLast()) : url) + (base.hasPrefix("/") ? base : "/" + base)
            }
            return url
        }
        let config = SiteConfig(title: map["title"]?.string ?? "Notebooks", baseURL: url, description: map["description"]?.string,
                                author: map["author"]?.string, language: map["lang"]?.string ?? "en")
        return (config, [])
    }

    /// The YAML between `---` lines at the top of a Markdown file, and the line it starts on.
    public static func frontMatter(of markdown: String) -> (yaml: String, firstLine: Int)? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces(["\r"])) == "---" else { return nil }
        for (index, line) in lines.enumerated().dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces(["\r"]))
            if trimmed == "---" || trimmed == "..." {
                return (lines[1..<index].joined(separator: "\n"), 2)
            }
        }
        return nil
    }
}

private enum Trim { case whitespaces(Set<Character>) }

extension Substring {
    fileprivate func trimmingCharacters(in trim: Trim) -> String {
        guard case .whitespaces(let extra) = trim else { return String(self) }
        var s = self[...]
        while let l = s.last, l == " " || l == "\t" || extra.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
