/// What `nb build --format` writes: nb's own static site, or each notebook as a page of another
/// site generator's source tree (Jekyll, Hugo), with the site generator's layout around it.
public enum SiteFormat: String, Sendable, CaseIterable {
    /// nb's own site: pages, index, feed, sitemap, search (the default).
    case html
    /// Jekyll: `_posts/YYYY-MM-DD-slug.html` for dated notebooks, `PATH.html` pages for the
    /// others, `assets/css/nb.css`.
    case jekyll
    /// Hugo: `content/PATH.html`, `static/css/nb.css`.
    case hugo
}
