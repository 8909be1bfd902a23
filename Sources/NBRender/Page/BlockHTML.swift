import NBDocument

/// HTML for the document blocks that are not cells.
enum BlockHTML {
    /// `<hN id="slug">…<a class="nb-anchor" href="#slug">#</a></hN>`.
    static func heading(_ heading: Heading) -> String {
        let level = min(max(heading.level, 1), 6)
        let id = HTMLEscaping.escape(heading.id)
        return "<h\(level) id=\"\(id)\">\(heading.html)<a class=\"nb-anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
    }

    /// A code block that is shown and not run, as libcmark writes it (CommonMark fidelity).
    static func code(_ code: CodeBlock) -> String {
        code.html
    }

    /// `<ol class="nb-bibliography">` with `<li id="ref-N">`: the title linked, the host shown.
    static func bibliography(_ bibliography: Bibliography) -> String {
        let start = bibliography.references.first.flatMap { Int($0.id) } ?? 1
        var html = start == 1 ? "<ol class=\"nb-bibliography\">\n" : "<ol class=\"nb-bibliography\" start=\"\(start)\">\n"
        for reference in bibliography.references {
            html += "<li id=\"\(HTMLEscaping.escape(reference.anchor))\">" + entry(reference) + "</li>\n"
        }
        return html + "</ol>\n"
    }

    static func entry(_ reference: Reference) -> String {
        let label = HTMLEscaping.escape(reference.title ?? reference.url ?? reference.id)
        var html = ""
        if let author = reference.author, !author.isEmpty {
            html += "<span class=\"nb-author\">\(HTMLEscaping.escape(author))</span>. "
        }
        if let url = reference.url, !url.isEmpty, let href = LinkSafety.attribute(url) {
            html += "<a href=\"\(href)\">\(label)</a>"
        } else {
            html += "<span class=\"nb-ref-title\">\(label)</span>"
        }
        if let year = reference.year, !year.isEmpty {
            html += " <span class=\"nb-year\">(\(HTMLEscaping.escape(year)))</span>"
        }
        if reference.title != nil, let host = reference.host {
            html += " <span class=\"nb-host\">\(HTMLEscaping.escape(host))</span>"
        }
        return html
    }
}
