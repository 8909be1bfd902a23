/// The one URL sanitiser: every `href` or `src` that nb writes itself (bibliographies, feeds,
/// site navigation) goes through `attribute(_:)`. Links inside Markdown prose are written by
/// libcmark, whose safe mode drops `javascript:`, `vbscript:`, `file:` and most `data:` URLs and
/// percent-encodes controls and spaces, so a browser never sees a scheme there that cmark did not.
///
/// A URL is read the way a browser's URL parser reads it (WHATWG URL standard): leading and
/// trailing C0 controls and spaces are dropped and tab, CR and LF are removed anywhere, so
/// `java\tscript:` and `\u{1}javascript:` are the `javascript:` scheme. Only `http`, `https`,
/// `mailto` and relative URLs (no scheme) are linked.
public enum LinkSafety {
    /// Schemes nb links to (lowercase); any other scheme is refused.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The URL as a browser sees it before parsing: leading and trailing C0 controls and spaces
    /// stripped, ASCII tab and newline (`\t`, `\n`, `\r`) removed everywhere.
    public static func browserForm(_ url: String) -> String {
        var scalars = Substring(url).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" { result.append(scalar) }
        return String(result)
    }

    /// The lowercased scheme a browser would find in `url` (`nil` for a relative URL): an ASCII
    /// letter, then letters, digits, `+`, `-` or `.`, then `:` — in `browserForm(url)`.
    public static func scheme(of url: String) -> String? {
        scheme(ofBrowserForm: browserForm(url))
    }

    private static func scheme(ofBrowserForm url: String) -> String? {
        var scheme = ""
        for (offset, byte) in url.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard offset > 0 else { return nil }
                scheme.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ":"):
                return offset > 0 ? scheme : nil
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether nb links to `url`: `http`, `https`, `mailto` or relative, as a browser reads it.
    public static func isAllowed(_ url: String) -> Bool {
        scheme(of: url).map(allowedSchemes.contains) ?? true
    }

    /// `url` ready for a double- or single-quoted `href`/`src` attribute, or `nil` when it is not
    /// allowed (`isAllowed`). The browser form of the URL is written with every byte outside the
    /// URL-safe set percent-encoded (as libcmark does: controls, spaces, quotes, `<`, `>`,
    /// backslash, backtick, non-ASCII), `&` and `'` as character references.
    public static func attribute(_ url: String) -> String? {
        let form = browserForm(url)
        if let scheme = scheme(ofBrowserForm: form), !allowedSchemes.contains(scheme) { return nil }
        return percentEncoded(form)
    }

    /// A path nb made itself, meant relative (`dl/post.html`, `../a.html#ref-1`), ready for an
    /// attribute: percent-encoded as `attribute` does, with `./` in front when a browser would
    /// read its start as a scheme (a notebook named `javascript:x.md`).
    public static func relativeAttribute(_ path: String) -> String {
        let encoded = percentEncoded(path)
        return scheme(ofBrowserForm: encoded) == nil ? encoded : "./" + encoded
    }

    /// libcmark's `houdini_escape_href`: URL-safe ASCII kept, `&` and `'` as entities, every other
    /// byte as `%XX`.
    private static func percentEncoded(_ url: String) -> String {
        var result = ""
        result.reserveCapacity(url.utf8.count)
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for byte in url.utf8 {
            switch byte {
            case 0x26: result += "&amp;"
            case 0x27: result += "&#x27;"
            case 0x25, 0x2F, 0x3A, 0x3F, 0x23, 0x5B, 0x5D, 0x40, 0x21, 0x24, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B,
                 0x3D, 0x2D, 0x2E, 0x5F, 0x7E, 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
