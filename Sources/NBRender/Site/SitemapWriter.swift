import NBDocument
/// `sitemap.xml` (sitemaps.org 0.9): one `<url>` per page, `<lastmod>` from its date.
public enum SitemapWriter {
    public struct Page: Sendable, Equatable {
        public var path: String
        public var date: SiteDate?
        public init(path: String, date: SiteDate?) { self.path = path; self.date = date }
    }

    /// Locations are `baseURL + path`: absolute, as the sitemap protocol requires. Pages in the given order.
    public static func xml(pages: [Page], baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            out += "  <url><loc>\(HTMLEscaping.escape(SiteURLs.absolute(page.path, base: baseURL)))</loc>"
            if let date = page.date { out += "<lastmod>\(date.day10)</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }
}

/// Absolute URLs for feed and sitemap.
enum SiteURLs {
    static func absolute(_ path: String, base: String) -> String {
        base + path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }.joined(separator: "/")
    }

    /// Percent-encodes what is not unreserved in a path segment (CJK file names stay valid URLs).
    static func percentEncode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
