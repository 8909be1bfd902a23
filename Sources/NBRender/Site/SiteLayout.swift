import NBDocument
/// The HTML of the site's pages around their content: a header linking home, the bibliography and
/// the feed; a notebook's title, date, category and tags; previous/next links; the index; the
/// bibliography page; and the error page of a notebook that could not be rendered. No script.
public struct SiteLayout: Sendable {
    public var config: SiteConfig
    public init(config: SiteConfig) { self.config = config }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The document shell shared by every page. `path` is the page's site-relative output path;
    /// `language` the page's own `lang` (default: the site's).
    public func shell(path: String, title: String, body: String, head: String = "", language: String? = nil) -> String {
        let root = SitePaths.rootPrefix(of: path)
        let fullTitle = title == config.title ? title : "\(title) · \(config.title)"
        var out = "<!DOCTYPE html>\n<html lang=\"\(e(language ?? config.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<title>\(e(fullTitle))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"\(root)style.css\">\n"
        if config.baseURL != nil {
            out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"\(e(config.title))\" href=\"\(root)feed.xml\">\n"
        }
        out += head
        out += "</head>\n<body>\n"
        out += "<header class=\"nb-site-header\"><a class=\"nb-site-title\" href=\"\(root)index.html\">\(e(config.title))</a>"
        out += "<nav><a href=\"\(root)index.html\">Index</a> <a href=\"\(root)bibliography.html\">Bibliography</a>"
        out += (config.baseURL != nil ? " <a href=\"\(root)feed.xml\">Feed</a>" : "") + "</nav></header>\n"
        out += "<main class=\"nb-page\">\n" + body + "</main>\n</body>\n</html>\n"
        return out
    }

    /// A notebook page.
    public func notebookPage(path: String, render: NotebookRender, content: String, index: SiteIndex) -> String {
        let root = SitePaths.rootPrefix(of: path)
        let header = PageHeader(title: render.title, day: render.date?.day10, categories: render.category.map { [$0] } ?? [],
                                tags: render.tags, tagLink: { "\(root)index.html#tag-\(HTMLEscaping.escape($0))" })
        var body = "<article class=\"nb-article\">\n" + header.html + content + "</article>\n"
        let (previous, next) = index.neighbours(of: path)
        if previous != nil || next != nil {
            body += "<nav class=\"nb-prevnext\">"
            if let previous {
                body += "<a rel=\"prev\" href=\"\(LinkSafety.relativeAttribute(SitePaths.relativeLink(from: path, to: previous.path)))\">← \(e(previous.title))</a>"
            } else { body += "<span></span>" }
            if let next {
                body += "<a rel=\"next\" href=\"\(LinkSafety.relativeAttribute(SitePaths.relativeLink(from: path, to: next.path)))\">\(e(next.title)) →</a>"
            }
            body += "</nav>\n"
        }
        return shell(path: path, title: render.title, body: body, language: render.language)
    }

    /// The index: optional intro HTML, a search box (shown only by the optional script), pages
    /// grouped by category, and pages by tag.
    public func indexPage(index: SiteIndex, intro: String, tags: [String: [SiteIndex.Entry]]) -> String {
        var body = "<section class=\"nb-index\">\n<h1>\(e(config.title))</h1>\n"
        if let description = config.description { body += "<p class=\"nb-description\">\(e(description))</p>\n" }
        body += intro
        body += "<div id=\"nb-search\" class=\"nb-search\" hidden><input type=\"search\" placeholder=\"Search\" aria-label=\"Search\"><ol></ol></div>\n"
        for group in index.groups {
            let name = group.category ?? "Other"
            body += "<h2 id=\"category-\(e(SiteLayout.slug(name)))\">\(e(name))</h2>\n<ul class=\"nb-index-list\">\n"
            for entry in group.entries { body += card(entry) }
            body += "</ul>\n"
        }
        if !tags.isEmpty {
            body += "<h2 id=\"tags\">Tags</h2>\n<dl class=\"nb-tag-list\">\n"
            for tag in tags.keys.sorted(by: SiteIndex.titleOrder) {
                body += "<dt id=\"tag-\(e(SiteLayout.slug(tag)))\">\(e(tag))</dt><dd>"
                body += (tags[tag] ?? []).map { "<a href=\"\(LinkSafety.relativeAttribute($0.path))\">\(e($0.title))</a>" }.joined(separator: " · ")
                body += "</dd>\n"
            }
            body += "</dl>\n"
        }
        body += "</section>\n"
        return shell(path: "index.html", title: config.title, body: body, head: "<script src=\"search.js\" defer></script>\n")
    }

    /// Longest description on an index card, in characters.
    static let cardDescriptionLimit = 220

    /// One page on the index: its linked title, then date and category, then its description
    /// (cut at a word boundary).
    func card(_ entry: SiteIndex.Entry) -> String {
        var out = "<li class=\"nb-card\"><a class=\"nb-card-title\" href=\"\(LinkSafety.relativeAttribute(entry.path))\">\(e(entry.title))</a>"
        var meta: [String] = []
        if let date = entry.date { meta.append("<time datetime=\"\(date.day10)\">\(date.day10)</time>") }
        if let category = entry.category, !category.isEmpty { meta.append("<span class=\"nb-category\">\(e(category))</span>") }
        if !meta.isEmpty { out += "<span class=\"nb-card-meta\">" + meta.joined(separator: " · ") + "</span>" }
        if !entry.description.isEmpty {
            out += "<span class=\"nb-card-description\">\(e(Excerpt.cut(entry.description, limit: Self.cardDescriptionLimit)))</span>"
        }
        return out + "</li>\n"
    }

    /// The site-wide bibliography.
    public func bibliographyPage(_ bibliography: SiteBibliography) -> String {
        var body = "<section class=\"nb-site-bibliography\">\n<h1>Bibliography</h1>\n"
        body += "<p class=\"nb-meta\">\(bibliography.items.count) references across the site, by author, then title. "
        body += "Each names the pages that list it, with its number there.</p>\n"
        body += bibliography.html
        body += "</section>\n"
        return shell(path: "bibliography.html", title: "Bibliography", body: body)
    }

    /// The page written for a notebook that could not be rendered.
    public func errorPage(path: String, source: String, error: String) -> String {
        let body = "<article class=\"nb-article\">\n<h1 class=\"nb-title\">\(e(source))</h1>\n<div class=\"nb-error\"><p>This notebook could not be rendered:</p>\n<pre>\(e(error))</pre></div>\n</article>\n"
        return shell(path: path, title: source, body: body)
    }

    /// A stable anchor from free text: lowercase ASCII letters and digits, other letters kept,
    /// everything else `-`.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased().unicodeScalars {
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(c)
            } else { dash = true }
        }
        return out.isEmpty ? "x" : out
    }
}
