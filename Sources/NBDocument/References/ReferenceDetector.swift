import CCmark

/// Finds reference entries in the Markdown tree (SPEC §3). The seed's format is a run of
/// bare-URL paragraphs, each usually followed by a one-line title paragraph:
///
/// - a paragraph that is only bare URLs (plain `http(s)://…` text or autolinks `<http(s)://…>`,
///   one per line) is an entry when a title paragraph (plain text on one line) follows it, when it
///   continues a run of entries (directly after one), or when it stands under a references
///   heading (`isReferencesHeading`);
/// - a list whose every item is just one link is a bibliography under a references heading or
///   when it continues a run of entries.
///
/// Anything else stays Markdown: a lone link paragraph is a link, a list of links is a list.
enum ReferenceDetector {
    /// An entry as found in the tree; the pipeline numbers it and maps its position.
    struct Entry {
        var url: String
        var title: String?
        var node: CmarkNode
    }

    /// Where a block stands, as far as references go.
    struct Context {
        /// The block directly before is a bibliography.
        var continuesRun = false
        /// The nearest heading above names a references section.
        var underReferencesHeading = false
    }

    /// Longest text accepted as a title paragraph.
    static let maximumTitleLength = 300

    /// Whether `entries(at:)` reads the node after `node` too (`node` is a bare-URL paragraph,
    /// the next one may be its title).
    static func looksAhead(from node: CmarkNode) -> Bool {
        node.type == CMARK_NODE_PARAGRAPH && bareURLs(in: node) != nil
    }

    /// Entries starting at the paragraph `node`, and the last node they use (the title
    /// paragraph, or `node` itself); `nil` when `node` is not a reference entry.
    static func entries(at node: CmarkNode, context: Context, text: (CmarkNode) -> String) -> (entries: [Entry], last: CmarkNode)? {
        guard node.type == CMARK_NODE_PARAGRAPH, let urls = bareURLs(in: node) else { return nil }
        var entries = urls.map { Entry(url: $0, title: nil, node: node) }
        var last = node
        if let next = node.next, next.type == CMARK_NODE_PARAGRAPH, isPlainSingleLine(next), bareURLs(in: next) == nil {
            let title = text(next).trimmingSpaces
            if !title.isEmpty && title.count <= maximumTitleLength {
                entries[entries.count - 1].title = title
                last = next
            }
        }
        guard last.pointer != node.pointer || context.continuesRun || context.underReferencesHeading else { return nil }
        return (entries, last)
    }

    /// Entries of a list of links under a references heading or continuing a run; `nil` unless
    /// every item is exactly one link.
    static func entries(inList list: CmarkNode, context: Context, text: (CmarkNode) -> String) -> [Entry]? {
        guard list.type == CMARK_NODE_LIST, context.underReferencesHeading || context.continuesRun else { return nil }
        var entries: [Entry] = []
        for item in list.children {
            let blocks = item.children
            guard blocks.count == 1, blocks[0].type == CMARK_NODE_PARAGRAPH else { return nil }
            let inlines = blocks[0].children.filter {
                !($0.type == CMARK_NODE_TEXT && ($0.literal ?? "").trimmingSpaces.isEmpty)
            }
            guard inlines.count == 1, inlines[0].type == CMARK_NODE_LINK, let url = inlines[0].url, !url.isEmpty else {
                return nil
            }
            let title = text(inlines[0]).trimmingSpaces
            entries.append(Entry(url: url, title: title.isEmpty || title == url ? nil : title, node: item))
        }
        return entries.isEmpty ? nil : entries
    }

    /// Heading texts (lowercased, a trailing colon dropped) that start a references section.
    static let referencesHeadings: Set<String> = [
        "references", "reference", "bibliography", "sources", "further reading", "reading", "links", "see also",
        "literature", "参考", "参考文献", "参考资料", "参考链接", "引用", "延伸阅读", "扩展阅读", "相关链接",
    ]

    /// Whether a heading's plain text names a references section (`## References`, `## 参考`,
    /// or both: `## References · 参考`).
    static func isReferencesHeading(_ text: String) -> Bool {
        text.split(separator: "·").contains { part in
            var name = String(part).trimmingSpaces.lowercased()
            while let last = name.last, last == ":" || last == "：" { name.removeLast() }
            return referencesHeadings.contains(name.trimmingSpaces)
        }
    }

    /// The URLs of a paragraph made only of bare URLs, one per line: each line is exactly one
    /// autolink to an `http(s)` URL, or plain text that is one. Text never joins an autolink.
    static func bareURLs(in paragraph: CmarkNode) -> [String]? {
        guard let first = paragraph.firstChild else { return nil }
        if first.type == CMARK_NODE_TEXT {
            guard first.literalHasPrefix("http") || first.literalHasPrefix("HTTP") || first.literalHasPrefix("Http") else { return nil }
        } else if first.type != CMARK_NODE_LINK {
            return nil
        }
        var urls: [String] = []
        var text = ""
        var autolink: String?
        func endLine() -> Bool {
            let line = text.trimmingSpaces
            if let autolink {
                guard line.isEmpty else { return false }
                urls.append(autolink)
            } else {
                guard isBareURL(line) else { return false }
                urls.append(line)
            }
            text = ""
            autolink = nil
            return true
        }
        for inline in paragraph.children {
            switch inline.type {
            case CMARK_NODE_TEXT:
                let literal = inline.literal ?? ""
                if autolink != nil, !literal.trimmingSpaces.isEmpty { return nil }
                text += literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                guard endLine() else { return nil }
            case CMARK_NODE_LINK:
                // An autolink `<https://…>` whose text is its URL, alone on its line.
                guard autolink == nil, text.trimmingSpaces.isEmpty, let url = inline.url, isBareURL(url),
                      inline.plainText() == url else { return nil }
                autolink = url
            default:
                return nil
            }
        }
        return endLine() ? urls : nil
    }

    static func isBareURL(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard text.utf8.count > (lower.hasPrefix("https://") ? 8 : 7) else { return false }
        return !text.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.value < 0x20 || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "`"
        }
    }

    /// One line of text, emphasis or code; no links, images, raw HTML or breaks.
    static func isPlainSingleLine(_ paragraph: CmarkNode) -> Bool {
        var plain = true
        paragraph.walk { node, _ in
            switch node.type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_EMPH, CMARK_NODE_STRONG: break
            default: plain = false
            }
        }
        return plain
    }
}

extension Heading {
    /// Whether the heading names a references section (`## References`, `## 参考`): a page's cited
    /// entries are listed under the last such heading instead of under one of their own.
    public var namesReferences: Bool { ReferenceDetector.isReferencesHeading(text) }
}
