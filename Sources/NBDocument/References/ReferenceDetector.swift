import CCmark

/// Finds reference entries in the Markdown tree (SPEC §3):
///
/// - a paragraph that is a bare URL (or several, one per line), optionally followed by a paragraph
///   of plain text on one line, its title (the seed's format);
/// - a list whose every item is just one link (the link text is the title).
///
/// Only `http://` and `https://` URLs count as bare URLs.
enum ReferenceDetector {
    /// An entry as found in the tree; the pipeline numbers it and maps its position.
    struct Entry {
        var url: String
        var title: String?
        var node: CmarkNode
    }

    /// Longest text accepted as a title paragraph.
    static let maximumTitleLength = 300

    /// Entries starting at the paragraph `node`, and the last node they use (the title
    /// paragraph, or `node` itself); `nil` when `node` is not a bare-URL paragraph.
    static func entries(at node: CmarkNode, text: (CmarkNode) -> String) -> (entries: [Entry], last: CmarkNode)? {
        guard node.type == CMARK_NODE_PARAGRAPH, let urls = bareURLs(in: node) else { return nil }
        var entries = urls.map { Entry(url: $0, title: nil, node: node) }
        var last = node
        if let next = node.next, next.type == CMARK_NODE_PARAGRAPH, bareURLs(in: next) == nil,
           isPlainSingleLine(next) {
            let title = text(next).trimmingSpaces
            if !title.isEmpty && title.count <= maximumTitleLength {
                entries[entries.count - 1].title = title
                last = next
            }
        }
        return (entries, last)
    }

    /// Entries of a list of links; `nil` unless every item is exactly one link.
    static func entries(inList list: CmarkNode, text: (CmarkNode) -> String) -> [Entry]? {
        guard list.type == CMARK_NODE_LIST else { return nil }
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

    /// The URLs of a paragraph made only of bare URLs, one per line.
    static func bareURLs(in paragraph: CmarkNode) -> [String]? {
        guard let first = paragraph.firstChild else { return nil }
        if first.type == CMARK_NODE_TEXT {
            guard first.literalHasPrefix("http") || first.literalHasPrefix("HTTP") || first.literalHasPrefix("Http") else { return nil }
        } else if first.type != CMARK_NODE_LINK {
            return nil
        }
        var lines: [String] = [""]
        for inline in paragraph.children {
            switch inline.type {
            case CMARK_NODE_TEXT:
                lines[lines.count - 1] += inline.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                lines.append("")
            case CMARK_NODE_LINK:
                // An autolink `<https://…>` whose text is its URL.
                guard let url = inline.url, inline.plainText() == url else { return nil }
                lines[lines.count - 1] += url
            default:
                return nil
            }
        }
        let urls = lines.map(\.trimmingSpaces)
        return urls.allSatisfy(isBareURL) ? urls : nil
    }

    static func isBareURL(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        guard text.utf8.count > (lower.hasPrefix("https://") ? 8 : 7) else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
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
