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

    static func quote(_ text: String) -> String {
        // Fast path: nothing to escape (no controls, quotes, backslashes, `<`, or U+2028/9's lead byte).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"   // safe to inline anywhere
            default:
                if c.value < 0x20 || c.value == 0x2028 || c.value == 0x2029 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
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
