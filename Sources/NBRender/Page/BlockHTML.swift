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
}
