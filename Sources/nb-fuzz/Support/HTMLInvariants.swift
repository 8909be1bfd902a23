/// Cheap structural checks on HTML nb produced from hostile input (with `unsafe_html` off).
///
/// - Every `<` starts a comment, the doctype, or a tag nb itself writes (HTML, SVG or MathML):
///   an escaped `<` from a cell, a formula or a bibliography never looks like a tag, and a
///   `<script>` never appears.
/// - No attribute is an event handler (`on…=`).
/// - No `href`, `src` or `xlink:href` holds a `javascript:`, `vbscript:` or `data:` URL (entities
///   decoded, whitespace and controls ignored, as a browser would); `src` may be `data:image/`.
enum HTMLInvariants {
    static let html: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "div", "span", "p", "a", "pre", "code", "h1", "h2", "h3",
        "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "em",
        "strong", "del", "hr", "br", "img", "figure", "figcaption", "section", "article", "nav", "header",
        "footer", "main", "sup", "sub", "details", "summary", "dl", "dt", "dd", "time", "small", "caption",
        "colgroup", "col", "aside", "kbd", "samp", "var", "abbr", "cite", "mark", "output", "label",
    ]
    static let svg: Set<String> = [
        "svg", "g", "path", "line", "rect", "circle", "ellipse", "text", "tspan", "polyline", "polygon", "desc",
        "defs", "clippath", "use", "marker", "lineargradient", "stop", "pattern", "image", "symbol",
    ]
    static let mathML: Set<String> = [
        "math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "mfrac", "msqrt", "mroot", "msub", "msup",
        "msubsup", "munder", "mover", "munderover", "mtable", "mtr", "mtd", "mlabeledtr", "mstyle", "mpadded",
        "mphantom", "menclose", "merror", "semantics", "annotation", "mmultiscripts", "mprescripts", "none",
    ]
    static let allowed = html.union(svg).union(mathML)

    /// Throws the first problem in `text`. `page` allows the page-level `<style>` element.
    static func check(_ text: String, what: String, page: Bool = false) throws(Violation) {
        let bytes = Array(text.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if hasPrefix(bytes, at: index, "!--") {
                index = (index + 3..<bytes.count).first { hasPrefix(bytes, at: $0, "-->") }.map { $0 + 3 } ?? bytes.count
                continue
            }
            if hasPrefix(bytes, at: index, "!doctype") { continue }
            var cursor = index
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            let nameStart = cursor
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            guard !name.isEmpty else {
                throw Violation("\(what): unescaped `<` at byte \(open): \(excerpt(bytes, open))")
            }
            guard allowed.contains(name) || (page && name == "style") else {
                throw Violation("\(what): unexpected element <\(name)> at byte \(open): \(excerpt(bytes, open))")
            }
            index = try checkAttributes(bytes, from: cursor, what: what)
        }
    }

    /// Reads a tag's attributes up to its `>`; returns the index after it.
    private static func checkAttributes(_ bytes: [UInt8], from start: Int, what: String) throws(Violation) -> Int {
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") { return cursor + 1 }
            if isSpace(byte) || byte == UInt8(ascii: "/") { cursor += 1; continue }
            let nameStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
                  bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var value = ""
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                    let quote = bytes[cursor]
                    let valueStart = cursor + 1
                    cursor = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                    cursor += 1
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                }
            }
            if name.hasPrefix("on") {
                throw Violation("\(what): event-handler attribute `\(name)` at byte \(nameStart): \(excerpt(bytes, nameStart))")
            }
            if name == "href" || name == "src" || name == "xlink:href" || name == "action" || name == "formaction" {
                let url = normalisedURL(value)
                let bad = url.hasPrefix("javascript:") || url.hasPrefix("vbscript:")
                    || (url.hasPrefix("data:") && !(name == "src" && url.hasPrefix("data:image/")))
                if bad { throw Violation("\(what): unsafe URL in \(name)=\"\(value)\"") }
            }
        }
        return cursor
    }

    /// The URL as a browser reads its scheme: character references decoded, whitespace and
    /// controls dropped, lower case.
    static func normalisedURL(_ value: String) -> String {
        var out = ""
        var rest = Substring(value)
        while let first = rest.first {
            // Numeric references need no `;` in a browser: `&#106avascript:` is `javascript:`.
            if rest.hasPrefix("&#") {
                let body = rest.dropFirst(2)
                let hex = body.first == "x" || body.first == "X"
                let digits = (hex ? body.dropFirst() : body).prefix { hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }
                if !digits.isEmpty, let value = UInt32(digits.prefix(8), radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) {
                    out.unicodeScalars.append(scalar)
                    rest = rest[digits.endIndex...]
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            }
            if first == "&", let semicolon = rest.prefix(12).firstIndex(of: ";") {
                let entity = rest[rest.index(after: rest.startIndex)..<semicolon].lowercased()
                let scalar: Unicode.Scalar? = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&"][entity]
                if let scalar {
                    out.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            out.append(first)
            rest = rest.dropFirst()
        }
        return String(out.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard index + p.count <= bytes.count else { return false }
        for (offset, expected) in p.enumerated() where bytes[index + offset] | 0x20 != expected | 0x20 { return false }
        return true
    }

    private static func excerpt(_ bytes: [UInt8], _ at: Int) -> String {
        let from = max(0, at - 40), to = min(bytes.count, at + 40)
        return String(decoding: bytes[from..<to], as: UTF8.self).debugDescription
    }
}
