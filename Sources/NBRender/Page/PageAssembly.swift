import Foundation
import NBDocument
import NBLanguage

/// The one loop that turns a parsed document and what its cells produced into the article's
/// blocks. `nb render`, `nb build` (through `NotebookPageRenderer`) and `HTMLPage.body` all go
/// through it, so the golden tests see the page production writes.
///
/// In order: the "On this page" contents (three or more sections), then every block — prose with
/// its computed values, inline math bound to the punctuation after it and `[@id]` citations linked;
/// headings (a leading level-1 heading equal to the page title is dropped: the header shows it);
/// code blocks; link-list bibliographies; cells — and last the references cited from front matter
/// or BibTeX files.
struct PageAssembly {
    /// The article's blocks, with the source line each came from.
    var blocks: [HTMLBlock] = []
    /// Plain text per block (search index, summary), made from the blocks when asked for: a page
    /// written by `nb render` or `HTMLPage.body` never needs it.
    var text: [String] { textSources.map { $0.isHTML ? PlainText.from(html: $0.text) : $0.text } }
    /// Per block with text: its prose HTML or its plain text.
    private var textSources: [(text: String, isHTML: Bool)] = []
    /// Citation and bibliography warnings.
    var diagnostics: [SiteDiagnostic] = []
    /// Every bibliography entry of the page, numbered in order.
    var references: [BibliographyEntry] = []
    /// The text of the first paragraph (the page's description when front matter has none).
    var firstParagraph: String?

    /// - Parameters:
    ///   - listed: bibliography entries shown whether cited or not (front matter `references:`),
    ///     after the document's link lists.
    ///   - library: entries shown only when cited (`bibliography:` files).
    ///   - file: the notebook's path, for diagnostics.
    init(_ document: Document, outcomes: [CellOutcome?], inlineOutcomes: [CellOutcome?],
         listed: [BibliographyEntry] = [], library: [BibliographyEntry] = [], file: String = "") {
        let linkEntries = document.references.map(BibliographyEntry.init)
        // Prose with its computed values in place (escaped text, MathML, check marks).
        let proseHTML = document.blocks.map { block -> String in
            guard case .prose(let prose) = block else { return "" }
            return ProseTypography.bindingPunctuation(InlineHTML.fill(prose.html, document: document, outcomes: inlineOutcomes))
        }
        var cited: [String] = []
        for html in proseHTML where Self.mayCite(html) { cited += CitationLinker.citedKeys(in: html) }
        let bibliography = PageBibliography(listed: linkEntries + listed, library: library, cited: cited)
        diagnostics += bibliography.diagnostics.map { SiteDiagnostic(file: file, line: $0.line, column: $0.column, message: $0.message) }
        references = bibliography.entries
        let citations = bibliography.citationCounts(cited)
        var occurrences: [String: Int] = [:]
        firstParagraph = zip(document.blocks, proseHTML).first { block, html in
            if case .prose = block, html.hasPrefix("<p>") || html.hasPrefix("<p "), !PlainText.from(html: html).isEmpty { true } else { false }
        }.map { PlainText.from(html: $0.1) }

        let hidden = Self.repeatedTitle(document)
        for (position, block) in document.blocks.enumerated() where position != hidden {
            let line = block.location.line
            switch block {
            case .prose:
                let html = proseHTML[position]
                if Self.mayCite(html) {
                    let linked = CitationLinker.link(html, line: line, bibliography: bibliography, occurrences: &occurrences)
                    diagnostics += linked.diagnostics.map { SiteDiagnostic(file: file, line: $0.line, message: $0.message) }
                    blocks.append(HTMLBlock(html: linked.html, line: line))
                } else {
                    blocks.append(HTMLBlock(html: html, line: line))
                }
                textSources.append((html, true))
            case .heading(let heading):
                blocks.append(HTMLBlock(html: BlockHTML.heading(heading), line: line))
                textSources.append((heading.text, false))
            case .code(let code):
                blocks.append(HTMLBlock(html: BlockHTML.code(code), line: line))
            case .bibliography(let list):
                // The page's entries: a keyed entry with the same URL adds its details.
                let entries = list.references.map { bibliography.entry(for: $0.id) ?? BibliographyEntry($0) }
                let start = list.references.first.flatMap { Int($0.id) } ?? 1
                blocks.append(HTMLBlock(html: BibliographyHTML.list(entries, start: start,
                                                                    citations: entries.map { citations[$0.id] ?? 0 }), line: line))
            case .cell(let cell):
                let outcome = cell.index < outcomes.count ? outcomes[cell.index] : nil
                blocks.append(HTMLBlock(html: CellHTML.render(cell, outcome: outcome), line: line))
            }
        }
        let extra = bibliography.entries.filter { $0.origin != .linkList }
        var sections = document.blocks.enumerated().compactMap { position, block -> PageContents.Entry? in
            guard position != hidden, case .heading(let heading) = block, heading.level == 2 || heading.level == 3 else { return nil }
            return PageContents.Entry(level: heading.level, id: heading.id, html: heading.html)
        }
        if !extra.isEmpty {
            let start = bibliography.entries.count - extra.count + 1
            let list = BibliographyHTML.list(extra, start: start, citations: extra.map { citations[$0.id] ?? 0 })
            // Under the page's own references heading when it is the last heading (as pandoc
            // does), else under a heading of their own.
            let lastHeading = document.blocks.last { if case .heading = $0 { true } else { false } }
            if case .heading(let heading)? = lastHeading, heading.namesReferences {
                blocks.append(HTMLBlock(html: list, line: 0))
            } else {
                // An id no heading of the page has (a "References" heading earlier on the page
                // already took `references`), numbered as the headings' own slugs are.
                let headingIDs = Set(document.blocks.compactMap { block -> String? in
                    if case .heading(let heading) = block { heading.id } else { nil }
                })
                var id = "references", number = 0
                while headingIDs.contains(id) {
                    number += 1
                    id = "references-\(number)"
                }
                blocks.append(HTMLBlock(html: "<section class=\"nb-references\">\n<h2 id=\"\(id)\">References</h2>\n"
                                        + list + "</section>\n", line: 0))
                sections.append(PageContents.Entry(level: 2, id: id, html: "References"))
            }
        }
        if let contents = PageContents.html(sections) {
            blocks.insert(HTMLBlock(html: contents, line: 0), at: 0)
        }
    }

    /// The position of a level-1 heading that opens the document (nothing but blank prose before
    /// it) and says the same as the page title (the header shows it: front matter `title`, else
    /// that very heading); nil when there is none.
    static func repeatedTitle(_ document: Document) -> Int? {
        guard let title = document.title?.trimmingCharacters(in: .whitespaces), !title.isEmpty else { return nil }
        for (position, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let heading):
                return heading.level == 1 && heading.text.trimmingCharacters(in: .whitespaces) == title ? position : nil
            case .prose(let prose) where prose.html.allSatisfy(\.isWhitespace):
                continue
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether `html` can hold a `[@id]` citation at all (every citation starts with `[@`): most
    /// prose blocks cite nothing, and skipping them saves the citation linker's pass over them.
    static func mayCite(_ html: String) -> Bool {
        html.utf8Contains("[@")
    }
}
