/// Plain text from an HTML fragment (tags dropped, MathML `<annotation>` sources dropped, the
/// common entities decoded, runs of spaces, tabs and newlines collapsed to one space), for
/// summaries and the search index.
///
/// Works on the UTF-8 bytes: every byte it looks for is ASCII, so a multi-byte character is
/// never split, and a page's worth of prose costs one pass and no Foundation string search.
enum PlainText {
    static func from(html: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        var inTag = false, inAnnotation = false
        var tag: [UInt8] = []
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") {
                    inTag = false
                    if tag.starts(with: Self.annotation) { inAnnotation = true }
                    else if tag.starts(with: Self.annotationEnd) { inAnnotation = false }
                    if Self.breaks.contains(where: { tag.starts(with: $0) }) { text.append(UInt8(ascii: " ")) }
                } else if tag.count < Self.longestTagPrefix { tag.append(byte) }
            } else if byte == UInt8(ascii: "<") { inTag = true; tag.removeAll(keepingCapacity: true) }
            else if !inAnnotation { text.append(byte) }
        }
        return collapsingWhitespace(decodingEntities(text))
    }

    /// Tags are only compared by these prefixes, so no more of a tag is kept.
    private static let annotation = Array("annotation".utf8), annotationEnd = Array("/annotation".utf8)
    /// Tags after which words must not run together.
    private static let breaks = [Array("/p".utf8), Array("br".utf8), Array("/li".utf8)]
    private static let longestTagPrefix = 11

    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
        (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    /// One left-to-right pass; a decoded `&` is not decoded again (`&amp;lt;` → `&lt;`).
    private static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        outer: while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                for entity in entities where bytes[i...].starts(with: entity.name) {
                    out.append(entity.byte)
                    i += entity.name.count
                    continue outer
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Words separated by single spaces, no leading or trailing space.
    private static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
