import NBDocument
import NBLanguage

/// One self-contained HTML5 page for a notebook (SPEC §5): no JavaScript, CSS embedded (or
/// linked, for a site), readable on a phone, light and dark scheme.
public enum HTMLPage {
    /// Where the page gets its CSS from.
    public enum Stylesheet: Sendable, Equatable {
        /// A `<style>` element in the page; a page with math also carries the math font in it as
        /// a `data:` URL (about 400 KB), a page without math does not.
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
        let blocks = PageAssembly(document, outcomes: outcomes, inlineOutcomes: inlineOutcomes).blocks
        return render(document, blocks: blocks, stylesheet: stylesheet)
    }

    /// Wraps already rendered article blocks in the page (head, title, header), written into one
    /// string without a joined copy of the blocks.
    public static func render(_ document: Document, blocks: [HTMLBlock], stylesheet: Stylesheet = .embedded) -> String {
        render(document, parts: blocks.lazy.map(\.html), stylesheet: stylesheet)
    }

    /// Writes the page around `blocks` piece by piece to `write` (the same bytes as
    /// `render(_:blocks:stylesheet:)`), so that the page never has to be one string in memory.
    /// - Parameter language: `<html lang>` when known already (`NotebookRender.language`, else
    ///   `en`); nil finds it in the document's text.
    public static func write(_ document: Document, blocks: [HTMLBlock], language: String? = nil, stylesheet: Stylesheet = .embedded,
                             to write: (String) throws -> Void) rethrows {
        try write(head(document, language: language, parts: blocks.lazy.map(\.html), stylesheet: stylesheet))
        for block in blocks { try write(block.html) }
        try write(tail)
    }

    /// The page around `parts`, written into one string.
    private static func render(_ document: Document, parts: some Collection<String>, stylesheet: Stylesheet) -> String {
        let head = head(document, language: nil, parts: parts, stylesheet: stylesheet)
        var html = ""
        html.reserveCapacity(head.utf8.count + parts.reduce(0) { $0 + $1.utf8.count } + tail.utf8.count)
        html += head
        for part in parts { html += part }
        html += tail
        return html
    }

    /// The page up to the article's `parts`: head (with the math font when a part has math),
    /// title, header.
    private static func head(_ document: Document, language: String?, parts: some Collection<String>,
                             stylesheet: Stylesheet) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(language ?? self.language(of: document))\">\n<head>\n"
        let css = stylesheet == .embedded ? PageStyle.css : ""
        let font = stylesheet == .embedded && parts.contains { $0.utf8Contains("<math") } ? MathFontFile.embeddedStylesheet : ""
        html.reserveCapacity(css.utf8.count + font.utf8.count + 4096)
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        html += "<meta name=\"generator\" content=\"nb\">\n"
        html += "<title>\(HTMLEscaping.escape(document.title ?? "Untitled"))</title>\n"
        switch stylesheet {
        case .embedded: html += "<style>\n\(css)\(font)</style>\n"
        case .linked(let href): html += "<link rel=\"stylesheet\" href=\"\(LinkSafety.relativeAttribute(href))\">\n"
        }
        html += "</head>\n<body>\n<main class=\"nb-page\">\n<article class=\"nb-article\">\n"
        html += header(document)
        return html
    }

    /// The page after the article's blocks.
    private static let tail = "</article>\n</main>\n</body>\n</html>\n"

    /// The article's content alone (contents, blocks and cells, references), for embedding in
    /// another layout: the same blocks `nb render` and `nb build` write (`PageAssembly`).
    public static func body(_ document: Document, outcomes: [CellOutcome?] = [], inlineOutcomes: [CellOutcome?] = []) -> String {
        PageAssembly(document, outcomes: outcomes, inlineOutcomes: inlineOutcomes).blocks.map(\.html).joined()
    }

    /// Title (front matter, else the first level-1 heading) and date, categories and tags under it.
    static func header(_ document: Document) -> String {
        let frontMatter = document.frontMatter
        return PageHeader(title: document.title, day: frontMatter.date.map { String($0.prefix(10)) },
                          categories: frontMatter.categories, tags: frontMatter.tags).html
    }

    /// `<html lang>`: front matter `lang` (letters, digits and `-` only), else `zh` when Han
    /// characters outnumber Latin words, else `en`.
    static func language(of document: Document) -> String {
        declaredLanguage(of: document) ?? "en"
    }

    /// Front matter `lang`, else `zh` for a page written mostly in Chinese, else nil (a site page
    /// then takes the site's `lang`).
    static func declaredLanguage(of document: Document) -> String? {
        if let lang = document.frontMatter["lang"]?.scalar, !lang.isEmpty, lang.utf8.count <= 35,
           lang.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0)) }) {
            return lang
        }
        // A Han character is about a word: compare them with runs of Latin letters. One pass over
        // the UTF-8 bytes (a multi-byte character is no letter, nor is any of its bytes): a word
        // starts at a letter after a non-letter. A Han character is three bytes: U+3400…U+4DBF are
        // E3 90…BF and E4 80…B6, U+4E00…U+9FFF are E4 B8…BF and E5…E9. Each byte is compared with
        // the one before it, so the loop carries no state but its two counts.
        var han = 0, latinWords = 0
        document.source.text.withUTF8Bytes { bytes in
            guard let first = bytes.first else { return }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
            latinWords = isLetter(first) ? 1 : 0
            for index in 1..<max(1, bytes.count) {
                let previous = bytes[index - 1], byte = bytes[index]
                latinWords &+= isLetter(byte) && !isLetter(previous) ? 1 : 0
                let hanLead = (previous >= 0xE5 && previous <= 0xE9) || (previous == 0xE3 && byte >= 0x90)
                    || (previous == 0xE4 && byte != 0xB7)
                han &+= hanLead ? 1 : 0
            }
        }
        return han > latinWords ? "zh" : nil
    }
}
