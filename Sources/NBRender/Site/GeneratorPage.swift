import NBDocument

/// One notebook as a source file of another site generator (`nb build --format jekyll|hugo`):
/// the notebook's own front matter, kept as written, then the executed article as HTML.
///
/// Nothing in the body can be read as a template: every `{` that Liquid (`{{`, `{%`) or Hugo
/// (`{{<`, `{{%`) would take as the start of a tag is written as the character reference
/// `&#123;`, which the reader's browser shows as `{`. The article HTML holds no `<script>` or
/// `<style>` element (where references are not decoded), so this is exact.
public enum GeneratorPage {
    /// Where the page goes in the generator's source folder (`/`-separated, relative).
    public static func path(for source: NotebookSource, render: NotebookRender, format: SiteFormat) -> String {
        let page = SitePaths.htmlPath(for: source.relativePath)
        switch format {
        case .html: return page
        case .hugo: return "content/" + page
        case .jekyll:
            guard let date = render.date else { return page }
            var parts = String(source.relativePath.dropLast(source.relativePath.lowercased().hasSuffix(".md") ? 3 : 0))
                .split(separator: "/").map(String.init)
            // `2019-05-01-name.md` keeps its date once.
            if let name = parts.last.map(Array.init), name.count > 11, name[10] == "-", SiteDate(String(name[0..<10])) != nil {
                parts[parts.count - 1] = String(name[11...])
            }
            return "_posts/" + date.day10 + "-" + parts.joined(separator: "-").replacingOccurrences(of: " ", with: "-") + ".html"
        }
    }

    /// The stylesheet file the pages link to (`nb.css`), relative to the generator's source folder.
    public static func stylesheetPath(for format: SiteFormat) -> String {
        switch format {
        case .html: "style.css"
        case .jekyll: "assets/css/nb.css"
        case .hugo: "static/css/nb.css"
        }
    }

    /// The whole file: front matter (as written; a `title:` alone when the notebook had none),
    /// a link to the stylesheet, and the article in `<div class="nb-article">`.
    public static func file(render: NotebookRender, content: String, format: SiteFormat) -> String {
        var text = "---\n"
        if render.frontMatter.isEmpty {
            text += "title: \"" + render.title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: " ") + "\"\n"
        } else {
            text += render.frontMatter
            if !render.frontMatter.hasSuffix("\n") { text += "\n" }
        }
        text += "---\n"
        switch format {
        case .jekyll: text += "<link rel=\"stylesheet\" href=\"{{ '/assets/css/nb.css' | relative_url }}\">\n"
        case .hugo: text += "<link rel=\"stylesheet\" href=\"/css/nb.css\">\n"
        case .html: break
        }
        return text + "<div class=\"nb-article\">\n" + escapingTemplateTags(content) + "</div>\n"
    }

    /// `content` with each `{` that opens `{{` or `{%` written as `&#123;`.
    public static func escapingTemplateTags(_ content: String) -> String {
        let bytes = Array(content.utf8)
        guard bytes.count > 1 else { return content }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") || bytes[i + 1] == UInt8(ascii: "%") {
                out.append(contentsOf: "&#123;".utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
