import NBDocument

/// Site-wide settings from `site.yml` at the site root, or else from the front matter of the
/// root `index.md`: `title`, `url` (base URL for the feed and sitemap), `description`, `author`,
/// `lang`.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// Absolute base URL ending in `/`, or nil (then the site has no feed and no sitemap: both
    /// need absolute URLs).
    public var baseURL: String?
    public var description: String?
    public var author: String?
    public var language: String
    /// TeX macros for every page (`macros:`); a page's `nb: macros:` override them.
    public var macros: MathMacros

    public init(title: String = "Notebooks", baseURL: String? = nil, description: String? = nil, author: String? = nil,
                language: String = "en", macros: MathMacros = MathMacros()) {
        self.macros = macros
        self.title = title
        self.baseURL = baseURL.flatMap(SiteConfig.safeBase).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.description = description; self.author = author; self.language = language
    }

    /// `url` as a base URL (an absolute http(s) URL, `/` added), or nil when it is not one.
    public static func baseURL(_ url: String) -> String? {
        SiteConfig(baseURL: url).baseURL
    }

    /// A base URL the feed and sitemap may use: an absolute http(s) URL that the one URL
    /// sanitiser accepts; anything else (`java\tscript:…`, a relative path) is dropped.
    static func safeBase(_ url: String) -> String? {
        guard LinkSafety.attribute(url) != nil else { return nil }
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? url : nil
    }

    /// Reads the keys from YAML text (`site.yml`); unknown keys are ignored, malformed, too deep
    /// or too large YAML (see `YAMLReader`) gives the defaults and a diagnostic naming its line
    /// and column.
    public static func parse(yaml: String, file: String, firstLine: Int = 1) -> (SiteConfig, [SiteDiagnostic]) {
        let root: YAMLValue?
        do { root = try YAMLReader.read(yaml, firstLine: firstLine, what: file) } catch {
            return (SiteConfig(), [SiteDiagnostic(file: file, line: error.location?.line ?? firstLine, column: error.location?.column ?? 1,
                                                  message: error.message + "; using defaults")])
        }
        var config = SiteConfig(root?.entries ?? [])
        guard let macros = root?["macros"] else { return (config, []) }
        let (read, problems) = MathMacros.read(macros)
        config.macros = read
        return (config, problems.map { SiteDiagnostic(file: file, line: $0.line, column: 1, message: $0.message) })
    }

    /// The keys of front matter already read (the root `index.md`'s).
    public init(_ frontMatter: FrontMatter) {
        self.init(frontMatter.fields)
    }

    private init(_ fields: [YAMLEntry]) {
        let map = YAMLValue(.mapping(fields), line: 1)
        let url = map["url"]?.scalar.map { url in
            if let base = map["baseurl"]?.scalar, !base.isEmpty {
                return (url.hasSuffix("/") ? String(url.dropLast()) : url) + (base.hasPrefix("/") ? base : "/" + base)
            }
            return url
        }
        self.init(title: map["title"]?.scalar ?? "Notebooks", baseURL: url, description: map["description"]?.scalar,
                  author: map["author"]?.scalar, language: map["lang"]?.scalar ?? "en")
    }
}
