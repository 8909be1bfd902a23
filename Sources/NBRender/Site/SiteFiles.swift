/// The site-wide files of a build: the index, the stylesheet, the bibliography page, the sitemap,
/// the feed and the search index and script. Each is made on its own (`text(of:)`), so that a
/// build can make them on its workers alongside the notebook pages.
struct SiteFiles: Sendable {
    var config: SiteConfig
    var layout: SiteLayout
    var index: SiteIndex
    /// The index page's introduction (the rendered body of the root `index.md`).
    var intro: String
    /// The page stylesheet, followed in `style.css` by the site chrome.
    var pageStylesheet: String
    /// Output path and render of every notebook that rendered, in notebook path order.
    var pages: [(path: String, render: NotebookRender)]

    /// Output paths, in the order a build reports them.
    static let names = ["index.html", "style.css", "bibliography.html", "sitemap.xml", "feed.xml", "search.json", "search.js"]

    /// The content of site file `name` (one of `names`).
    func text(of name: String) -> String {
        switch name {
        case "index.html": return layout.indexPage(index: index, intro: intro, tags: pagesByTag)
        case "style.css": return pageStylesheet + "\n" + SiteStylesheet.css + MathFontFile.siteStylesheet
        case "bibliography.html":
            return layout.bibliographyPage(SiteBibliography(pages: pages.map { ($0.path, $0.render.title, $0.render.references) }))
        case "sitemap.xml":
            let sitemapPages = [SitemapWriter.Page(path: "index.html", date: nil)]
                + index.groups.flatMap(\.entries).map { SitemapWriter.Page(path: $0.path, date: $0.date) }
                + [SitemapWriter.Page(path: "bibliography.html", date: nil)]
            return SitemapWriter.xml(pages: sitemapPages, baseURL: config.baseURL)
        case "feed.xml":
            return AtomFeedWriter.xml(config: config, entries: pages.map { path, render in
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

    /// Pages per tag, newest first.
    private var pagesByTag: [String: [SiteIndex.Entry]] {
        var tags: [String: [SiteIndex.Entry]] = [:]
        for (path, render) in pages {
            let entry = SiteIndex.Entry(path: path, title: render.title, date: render.date, category: render.category)
            for tag in render.tags { tags[tag, default: []].append(entry) }
        }
        for tag in tags.keys { tags[tag]?.sort(by: SiteIndex.newestFirst) }
        return tags
    }
}
