/// The site-wide files of a build: the index, the stylesheet, the bibliography page, the sitemap,
/// the feed and the search index and script. Each is made on its own (`text(of:)`), so that a
/// build can make them on its workers alongside the notebook pages.
struct SiteFiles: Sendable {
    var config: SiteConfig
    var layout: SiteLayout
    var index: SiteIndex
    /// The index page's introduction (the rendered body of the root `index.md`).
    var intro: String
    /// The one stylesheet (`PageStyle.css`, chrome included), written as `style.css`.
    var pageStylesheet: String
    /// Output path and render of every notebook that rendered, in notebook path order.
    var pages: [(path: String, render: NotebookRender)]

    /// Output paths, in the order a build reports them: the sitemap and the feed only for a site
    /// with a base URL (their URLs must be absolute).
    var names: [String] {
        config.baseURL == nil ? ["index.html", "style.css", "bibliography.html", "search.json", "search.js"]
            : ["index.html", "style.css", "bibliography.html", "sitemap.xml", "feed.xml", "search.json", "search.js"]
    }

    /// The content of site file `name` (one of `names`).
    func text(of name: String) -> String {
        switch name {
        case "index.html": return layout.indexPage(index: index, intro: intro, tags: pagesByTag)
        case "style.css": return pageStylesheet + MathFontFile.siteStylesheet
        case "bibliography.html":
            return layout.bibliographyPage(SiteBibliography(pages: pages.map { ($0.path, $0.render.title, $0.render.references) }))
        case "sitemap.xml":
            guard let base = config.baseURL else { return "" }
            let sitemapPages = [SitemapWriter.Page(path: "index.html", date: nil)]
                + index.groups.flatMap(\.entries).map { SitemapWriter.Page(path: $0.path, date: $0.date) }
                + [SitemapWriter.Page(path: "bibliography.html", date: nil)]
            return SitemapWriter.xml(pages: sitemapPages, baseURL: base)
        case "feed.xml":
            guard let base = config.baseURL else { return "" }
            return AtomFeedWriter.xml(config: config, base: base, entries: pages.map { path, render in
                AtomFeedWriter.Entry(path: path, title: render.title, date: render.date, summary: render.summary,
                                     category: render.category, tags: render.tags)
            })
        case "search.json":
            let renderByPath = Dictionary(pages, uniquingKeysWith: { first, _ in first })
            return SearchIndex.json(index.groups.flatMap(\.entries).compactMap { entry in
                renderByPath[entry.path].map { render in
                    SearchIndex.Page(path: entry.path, title: render.title, category: render.category, tags: render.tags,
                                     text: render.searchText)
                }
            })
        case "search.js": return SearchIndex.script
        default: return ""
        }
    }

    /// Pages per tag, newest first, each page once. Tags with the same anchor (`Dual numbers`,
    /// `dual-numbers`) are one tag, named as first written.
    private var pagesByTag: [String: [SiteIndex.Entry]] {
        var names: [String: String] = [:]              // slug → name shown
        var tags: [String: [SiteIndex.Entry]] = [:]    // slug → pages
        var seen = Set<[String]>()                     // (slug, path)
        for (path, render) in pages {
            let entry = SiteIndex.Entry(path: path, title: render.title, date: render.date, category: render.category)
            for tag in render.tags {
                let slug = SiteLayout.slug(tag)
                if names[slug] == nil { names[slug] = tag }
                if seen.insert([slug, path]).inserted { tags[slug, default: []].append(entry) }
            }
        }
        return Dictionary(uniqueKeysWithValues: tags.map { slug, entries in
            (names[slug] ?? slug, entries.sorted(by: SiteIndex.newestFirst))
        })
    }
}
