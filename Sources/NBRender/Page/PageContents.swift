import NBDocument

/// The "On this page" contents of a page with three or more sections (level-2 and level-3
/// headings), without script: a sticky sidebar on wide screens (`<nav class="nb-toc-side">`) and a
/// collapsible `<details class="nb-toc-inline">` on narrow ones. The stylesheet shows one of the
/// two; both hold the same list.
enum PageContents {
    struct Entry: Equatable {
        var level: Int
        var id: String
        var text: String
    }

    /// Fewest sections for which a page gets contents.
    static let minimumSections = 3

    /// The contents block, or nil when the page has fewer than `minimumSections` sections.
    static func html(_ entries: [Entry]) -> String? {
        guard entries.count >= minimumSections else { return nil }
        let list = self.list(entries)
        return "<details class=\"nb-toc nb-toc-inline\"><summary>On this page</summary>\n" + list + "</details>\n"
            + "<nav class=\"nb-toc nb-toc-side\" aria-label=\"On this page\"><div class=\"nb-toc-sticky\">"
            + "<p class=\"nb-toc-title\">On this page</p>\n" + list + "</div></nav>\n"
    }

    /// `<ol>` of the sections, level-3 headings nested under the level-2 heading before them.
    static func list(_ entries: [Entry]) -> String {
        var html = "<ol>"
        var nested = false
        for (k, entry) in entries.enumerated() {
            let link = "<a href=\"#\(HTMLEscaping.escape(entry.id))\">\(HTMLEscaping.escape(entry.text))</a>"
            if entry.level == 3, k > 0 {
                html += nested ? "</li><li>" + link : "<ol><li>" + link
                nested = true
            } else {
                if nested { html += "</li></ol>"; nested = false }
                html += (k == 0 ? "<li>" : "</li><li>") + link
            }
        }
        if nested { html += "</li></ol>" }
        return html + "</li></ol>\n"
    }
}
