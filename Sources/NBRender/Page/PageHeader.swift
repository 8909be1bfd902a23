import NBDocument

/// The header of a notebook's page, written the same way by `nb render` and by a site: the title,
/// then one line with the date, the categories and the tags (each tag once, by its slug; on a site
/// a tag links to its entry in the index's tag list).
struct PageHeader {
    var title: String?
    /// The day, `yyyy-mm-dd`.
    var day: String?
    var categories: [String]
    var tags: [String]
    /// Where a tag links to, given its slug; nil: tags are plain chips.
    var tagLink: ((String) -> String)?

    var html: String {
        let meta = metaLine
        guard title?.isEmpty == false || !meta.isEmpty else { return "" }
        var html = "<header class=\"nb-header\">\n"
        if let title, !title.isEmpty { html += "<h1 class=\"nb-title\">\(HTMLEscaping.escape(title))</h1>\n" }
        return html + meta + "</header>\n"
    }

    /// Date, categories and tags, separated by middle dots; empty when there are none.
    var metaLine: String {
        var parts: [String] = []
        if let day, !day.isEmpty {
            parts.append("<time datetime=\"\(HTMLEscaping.escape(day))\">\(HTMLEscaping.escape(day))</time>")
        }
        for category in categories where !category.isEmpty {
            parts.append("<span class=\"nb-category\">\(HTMLEscaping.escape(category))</span>")
        }
        var slugs = Set<String>()
        let chips = tags.compactMap { tag -> String? in
            let slug = SiteLayout.slug(tag)
            guard slugs.insert(slug).inserted else { return nil }
            guard let tagLink else { return "<span class=\"nb-tag\">\(HTMLEscaping.escape(tag))</span>" }
            return "<a class=\"nb-tag\" href=\"\(tagLink(slug))\">\(HTMLEscaping.escape(tag))</a>"
        }
        // Chips in one group, no separator between them.
        if !chips.isEmpty { parts.append("<span class=\"nb-tags\">" + chips.joined(separator: " ") + "</span>") }
        return parts.isEmpty ? "" : "<p class=\"nb-meta\">" + parts.joined(separator: " · ") + "</p>\n"
    }
}
