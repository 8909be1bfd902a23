import NBDocument

/// Plain text from an HTML fragment (tags dropped, MathML `<annotation>` sources dropped, the
/// common entities decoded, runs of spaces, tabs and newlines collapsed to one space), for
/// summaries and the search index.
///
/// Works on the UTF-8 bytes: every byte it looks for is ASCII, so a multi-byte character is
/// never split, and a page's worth of prose costs one pass and no Foundation string search.
enum PlainText {
    static func from(html: String) -> String {
        var text: [UInt8] = []
        html.withUTF8Bytes { bytes in
            guard let base = bytes.baseAddress else { return }
            text.reserveCapacity(bytes.count)
            var inAnnotation = false
            var i = 0
            while i < bytes.count {
                // Text up to the next tag.
                let tagStart = bytes.firstOffset(of: UInt8(ascii: "<"), from: i) ?? bytes.count
                if !inAnnotation { text.append(contentsOf: UnsafeBufferPointer(start: base + i, count: tagStart - i)) }
                guard tagStart < bytes.count else { break }
                // The tag: only its first bytes are compared.
                guard let tagEnd = bytes.firstOffset(of: UInt8(ascii: ">"), from: tagStart + 1) else { break }
                let tag = UnsafeBufferPointer(start: base + tagStart + 1, count: min(tagEnd - tagStart - 1, longestTagPrefix))
                if tag.starts(with: Self.annotation) { inAnnotation = true }
                else if tag.starts(with: Self.annotationEnd) { inAnnotation = false }
                if Self.breaks.contains(where: { tag.starts(with: $0) }) { text.append(UInt8(ascii: " ")) }
                i = tagEnd + 1
            }
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
        bytes.withUnsafeBufferPointer { bytes in
            guard var next = bytes.firstOffset(of: UInt8(ascii: "&"), from: 0) else { return Array(bytes) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            outer: while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                i = next
                let rest = UnsafeBufferPointer(rebasing: bytes[i...])
                var matched = false
                for entity in entities where rest.starts(with: entity.name) {
                    out.append(entity.byte)
                    i += entity.name.count
                    matched = true
                    break
                }
                if !matched {
                    out.append(bytes[i])
                    i += 1
                }
                guard let found = bytes.firstOffset(of: UInt8(ascii: "&"), from: i) else { break outer }
                next = found
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
            return out
        }
    }

    /// Words separated by single spaces, no leading or trailing space.
    private static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { out[count] = UInt8(ascii: " "); count += 1; pendingSpace = false }
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }
}
