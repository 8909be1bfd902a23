/// Rewrites `[@id]` citations in an HTML fragment (the output of cmark for a prose block) into
/// links to the page's bibliography: `<a class="nb-cite" id="cite-id-k" href="#ref-id">[n]</a>`,
/// where k counts the page's citations of that entry (its list entry links back to each). Unknown keys
/// render visibly as `<span class="nb-cite-missing">[@id?]</span>` and produce a warning.
/// Text inside tags, `<code>`, `<pre>`, `<math>` and `<a>` is left alone.
public enum CitationLinker {
    public struct Result: Sendable, Equatable {
        public var html: String
        /// Keys cited, in order of appearance (known or not).
        public var cited: [String]
        public var diagnostics: [BibliographyDiagnostic]
    }

    /// Citation keys in `html`, in order, without rewriting (used to decide which BibTeX entries a
    /// page lists before numbering them).
    public static func citedKeys(in html: String) -> [String] {
        textRuns(of: html).filter(\.isText).flatMap { run in CitationScanner.scan(String(decoding: run.bytes, as: UTF8.self)).flatMap(\.keys) }
    }

    /// Rewrites `html` as the only cited fragment of its page. `line` is the source line of the
    /// block, used in warnings.
    public static func link(_ html: String, line: Int, bibliography: PageBibliography) -> Result {
        var occurrences: [String: Int] = [:]
        return link(html, line: line, bibliography: bibliography, occurrences: &occurrences)
    }

    /// Rewrites `html`, one of a page's fragments in page order: `occurrences` counts the
    /// citations of each entry (by its id) so far, so that every citation gets its own anchor.
    public static func link(_ html: String, line: Int, bibliography: PageBibliography,
                            occurrences: inout [String: Int]) -> Result {
        var out: [UInt8] = []
        var cited: [String] = []
        var diagnostics: [BibliographyDiagnostic] = []
        for run in textRuns(of: html) {
            guard run.isText else { out += run.bytes; continue }
            let bytes = Array(run.bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let matches = CitationScanner.scan(text)
            guard !matches.isEmpty else { out += run.bytes; continue }
            var cursor = 0
            for match in matches {
                out += bytes[cursor..<match.range.lowerBound]
                for key in match.keys {
                    cited.append(key)
                    let escaped = HTMLEscaping.escape(key)
                    if let number = bibliography.number(of: key) {
                        let id = bibliography.entries[number - 1].id
                        let occurrence = occurrences[id, default: 0] + 1
                        occurrences[id] = occurrence
                        let anchor = HTMLEscaping.escape(BibliographyHTML.citationAnchor(entryID: id, occurrence: occurrence))
                        out += Array("<a class=\"nb-cite\" id=\"\(anchor)\" href=\"#ref-\(HTMLEscaping.escape(id))\">[\(number)]</a>".utf8)
                    } else {
                        out += Array("<span class=\"nb-cite-missing\" title=\"unknown reference\">[@\(escaped)?]</span>".utf8)
                        diagnostics.append(BibliographyDiagnostic(
                            message: "unknown citation [@\(key)]; add it to `references:` in the front matter or to the .bib file",
                            line: line))
                    }
                }
                cursor = match.range.upperBound
            }
            out += bytes[cursor...]
        }
        return Result(html: String(decoding: out, as: UTF8.self), cited: cited, diagnostics: diagnostics)
    }

    struct Run { var bytes: ArraySlice<UInt8>; var isText: Bool }

    /// Splits HTML into runs of plain text (eligible for citations) and everything else.
    static func textRuns(of html: String) -> [Run] {
        let b = Array(html.utf8)
        var runs: [Run] = []
        var i = 0
        var start = 0
        var skipDepth = 0      // inside <code>, <pre>, <math>, <a>
        let skipped: Set<String> = ["code", "pre", "math", "a", "script", "style"]
        func flush(_ end: Int, text: Bool) {
            if end > start { runs.append(Run(bytes: b[start..<end], isText: text)) }
            start = end
        }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            flush(i, text: skipDepth == 0)
            var j = i + 1
            while j < b.count, b[j] != UInt8(ascii: ">") { j += 1 }
            let tagEnd = min(j + 1, b.count)
            let inner = b[(i + 1)..<min(j, b.count)]
            let closing = inner.first == UInt8(ascii: "/")
            let name = String(decoding: inner.drop { $0 == UInt8(ascii: "/") }.prefix { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }, as: UTF8.self).lowercased()
            let selfClosing = inner.last == UInt8(ascii: "/")
            if skipped.contains(name) && !selfClosing {
                skipDepth = closing ? max(0, skipDepth - 1) : skipDepth + 1
            }
            i = tagEnd
            flush(i, text: false)
        }
        flush(b.count, text: skipDepth == 0)
        return runs
    }
}
