import Foundation
import NBDocument

/// The "On this page" contents of a page with three or more sections (level-2 and level-3
/// headings), without script: a sticky sidebar on wide screens (`<nav class="nb-toc-side">`) and a
/// collapsible `<details class="nb-toc-inline">` on narrow ones. The stylesheet shows one of the
/// two; both hold the same list.
enum PageContents {
    struct Entry: Equatable {
        var level: Int
        var id: String
        /// The heading's content as HTML (math kept as MathML), without links of its own.
        var html: String

        /// An entry for a heading whose inline HTML is `html` (links are unwrapped: a link cannot
        /// hold another).
        init(level: Int, id: String, html: String) {
            self.level = level; self.id = id; self.html = PageContents.unlinked(html)
        }
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

    /// `html` without its `<a …>` and `</a>` tags (their content kept).
    static func unlinked(_ html: String) -> String {
        guard html.contains("<a") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<a") {
            let after = rest[open.upperBound...]
            // `<a ` or `<a>` only (not `<abbr>`).
            guard let next = after.first, next == " " || next == ">" else {
                out += rest[..<open.upperBound]; rest = after; continue
            }
            out += rest[..<open.lowerBound]
            guard let end = after.firstIndex(of: ">") else { rest = ""; break }
            rest = after[after.index(after: end)...]
        }
        out += rest
        return out.replacingOccurrences(of: "</a>", with: "")
    }

    /// `<ol>` of the sections, level-3 headings nested under the level-2 heading before them.
    static func list(_ entries: [Entry]) -> String {
        var html = "<ol>"
        var nested = false
        for (k, entry) in entries.enumerated() {
            let link = "<a href=\"#\(HTMLEscaping.escape(entry.id))\">\(entry.html)</a>"
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
