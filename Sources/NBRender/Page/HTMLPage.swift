import NBDocument
import NBLanguage

/// One self-contained HTML5 page for a notebook (SPEC §5): no JavaScript, CSS embedded (or
/// linked, for a site), readable on a phone, light and dark scheme.
public enum HTMLPage {
    /// Where the page gets its CSS from.
    public enum Stylesheet: Sendable, Equatable {
        /// A `<style>` element in the page, the math font in it as a `data:` URL.
        case embedded
        /// A `<link rel="stylesheet">` to a shared file (relative URL), for a site.
        case linked(String)
    }

    /// Renders `document`.
    /// - Parameters:
    ///   - outcomes: per cell, in order (`Document.cells`), what running it produced; a missing
    ///     or `nil` entry shows the cell with an empty output.
    ///   - inlineOutcomes: per inline code (`Document.inlineCode`), its outcome; a missing entry
    ///     shows the code as written.
    ///   - stylesheet: embedded by default.
    public static func render(_ document: Document, outcomes: [CellOutcome?] = [], inlineOutcomes: [CellOutcome?] = [],
                              stylesheet: Stylesheet = .embedded) -> String {
        render(document, body: body(document, outcomes: outcomes, inlineOutcomes: inlineOutcomes), stylesheet: stylesheet)
    }

    /// Wraps already rendered article content (`body`) in the page: head, title, header.
    public static func render(_ document: Document, body: String, stylesheet: Stylesheet = .embedded) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(language(of: document))\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        html += "<meta name=\"generator\" content=\"nb\">\n"
        html += "<title>\(HTMLEscaping.escape(document.title ?? "Untitled"))</title>\n"
        switch stylesheet {
        case .embedded: html += "<style>\n\(PageStyle.css)\(MathFontFile.embeddedStylesheet)</style>\n"
        case .linked(let href): html += "<link rel=\"stylesheet\" href=\"\(LinkSafety.relativeAttribute(href))\">\n"
        }
        html += "</head>\n<body>\n<main class=\"nb-page\">\n<article class=\"nb-article\">\n"
        html += header(document.frontMatter)
        html += body
        html += "</article>\n</main>\n</body>\n</html>\n"
        return html
    }

    /// The article's content alone (blocks and cells), for embedding in another layout.
    public static func body(_ document: Document, outcomes: [CellOutcome?] = [], inlineOutcomes: [CellOutcome?] = []) -> String {
        var html = ""
        html.reserveCapacity(estimatedSize(of: document))
        for block in document.blocks {
            switch block {
            case .prose(let prose):
                html += InlineHTML.fill(prose.html, document: document, outcomes: inlineOutcomes)
            case .heading(let heading):
                html += BlockHTML.heading(heading)
            case .code(let code):
                html += BlockHTML.code(code)
            case .bibliography(let bibliography):
                html += BlockHTML.bibliography(bibliography)
            case .cell(let cell):
                let outcome = cell.index < outcomes.count ? outcomes[cell.index] : nil
                html += CellHTML.render(cell, outcome: outcome)
            }
        }
        return html
    }

    /// Bytes the body will take, roughly, so it is allocated once.
    static func estimatedSize(of document: Document) -> Int {
        document.blocks.reduce(0) { total, block in
            switch block {
            case .prose(let prose): total + prose.html.utf8.count
            case .heading(let heading): total + 2 * heading.html.utf8.count + 2 * heading.id.utf8.count + 96
            case .code(let code): total + code.code.utf8.count * 5 / 4 + 64
            case .cell(let cell): total + cell.source.utf8.count * 5 / 4 + 512
            case .bibliography(let bibliography): total + bibliography.references.count * 256
            }
        }
    }

    /// Title (front matter) and date, categories and tags under it.
    static func header(_ frontMatter: FrontMatter) -> String {
        var parts: [String] = []
        if let date = frontMatter.date, !date.isEmpty {
            let day = String(date.prefix(10))
            parts.append("<time datetime=\"\(HTMLEscaping.escape(day))\">\(HTMLEscaping.escape(day))</time>")
        }
        for category in frontMatter.categories {
            parts.append("<span class=\"nb-category\">\(HTMLEscaping.escape(category))</span>")
        }
        for tag in frontMatter.tags {
            parts.append("<span class=\"nb-tag\">#\(HTMLEscaping.escape(tag))</span>")
        }
        guard frontMatter.title != nil || !parts.isEmpty else { return "" }
        var html = "<header class=\"nb-header\">\n"
        if let title = frontMatter.title, !title.isEmpty {
            html += "<h1 class=\"nb-title\">\(HTMLEscaping.escape(title))</h1>\n"
        }
        if !parts.isEmpty {
            html += "<p class=\"nb-meta\">" + parts.joined(separator: " · ") + "</p>\n"
        }
        return html + "</header>\n"
    }

    /// `zh` when the document's text contains Han characters, else `en`; front matter `lang`
    /// wins.
    static func language(of document: Document) -> String {
        if let lang = document.frontMatter["lang"]?.scalar, !lang.isEmpty,
           lang.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) }) {
            return lang
        }
        let hasHan = document.source.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return hasHan ? "zh" : "en"
    }
}
