/// The optional static search: `search.json` (title, URL, category, tags, text excerpt per page)
/// and a few lines of script that filter it from a box on the index page. The site works fully
/// without the script; the box is hidden until the script shows it.
public enum SearchIndex {
    public struct Page: Sendable, Equatable {
        public var path: String
        public var title: String
        public var category: String?
        public var tags: [String]
        public var text: String
        public init(path: String, title: String, category: String?, tags: [String], text: String) {
            self.path = path; self.title = title; self.category = category; self.tags = tags; self.text = text
        }
    }

    /// Characters of page text kept per page.
    public static let excerptLength = 2000

    /// The JSON array, pages in the given order, keys in a fixed order (byte-stable).
    public static func json(_ pages: [Page]) -> String {
        var out = "[\n"
        for (i, page) in pages.enumerated() {
            out += "{\"url\":\(quote(page.path)),\"title\":\(quote(page.title))"
            out += ",\"category\":\(page.category.map(quote) ?? "null")"
            out += ",\"tags\":[\(page.tags.map(quote).joined(separator: ","))]"
            out += ",\"text\":\(quote(String(page.text.prefix(excerptLength))))}"
            out += i + 1 < pages.count ? ",\n" : "\n"
        }
        out += "]\n"
        return out
    }

    /// A JSON string literal, safe to inline in HTML: quotes, backslashes, control characters, `<`,
    /// U+2028 and U+2029 escaped; everything else kept as it is. Works on the UTF-8 bytes (every
    /// escaped character is ASCII except U+2028/9, `E2 80 A8`/`A9`), so a page of CJK or
    /// mathematical text is copied, not re-encoded scalar by scalar.
    static func quote(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        var utf8 = text.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? utf8.next() {
            pending = nil
            switch byte {
            case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
            case UInt8(ascii: "\n"): out += Array(#"\n"#.utf8)
            case UInt8(ascii: "\r"): out += Array(#"\r"#.utf8)
            case UInt8(ascii: "\t"): out += Array(#"\t"#.utf8)
            case UInt8(ascii: "<"): out += Array(#"\u003c"#.utf8)   // safe to inline anywhere
            case 0..<0x20: out += Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            case 0xE2:
                // U+2028 / U+2029 are line terminators to JavaScript: escape them.
                guard let second = utf8.next() else { out.append(byte); continue }
                guard second == 0x80, let third = utf8.next() else { out += [byte]; pending = second; continue }
                if third == 0xA8 || third == 0xA9 { out += Array((third == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8) }
                else { out += [byte, second]; pending = third }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The optional script (served as `search.js`, loaded with `defer` by the index page only).
    public static let script = """
    // nb static search: optional; the site works without it.
    (function () {
      var box = document.getElementById("nb-search"), input = box && box.querySelector("input"), list = box && box.querySelector("ol");
      if (!box || !window.fetch) return;
      fetch("search.json").then(function (r) { return r.json(); }).then(function (pages) {
        box.hidden = false;
        input.addEventListener("input", function () {
          var q = input.value.trim().toLowerCase(); list.textContent = "";
          if (!q) return;
          pages.filter(function (p) { return (p.title + " " + p.tags.join(" ") + " " + p.text).toLowerCase().indexOf(q) >= 0; })
            .slice(0, 20).forEach(function (p) {
              var li = document.createElement("li"), a = document.createElement("a");
              a.href = p.url; a.textContent = p.title; li.appendChild(a); list.appendChild(li);
            });
        });
      });
    })();

    """
}
