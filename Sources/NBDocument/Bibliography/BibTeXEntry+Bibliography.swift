import Foundation

extension BibTeXEntry {
    /// The entry as a bibliography entry: LaTeX turned into Unicode, authors in "First Last" form,
    /// the URL from `url`, `doi` or an arXiv `eprint`, the venue from journal/booktitle/publisher.
    public var bibliographyEntry: BibliographyEntry {
        func field(_ name: String) -> String? {
            guard let raw = fields[name] else { return nil }
            let text = LaTeXText.unicode(raw)
            return text.isEmpty ? nil : text
        }
        // URLs are taken verbatim (no accent or dash processing), minus LaTeX escapes of % _ & #.
        var url = fields["url"].map { raw in
            raw.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "\\%", with: "%").replacingOccurrences(of: "\\_", with: "_")
                .replacingOccurrences(of: "\\&", with: "&").replacingOccurrences(of: "\\#", with: "#")
        }.flatMap { $0.isEmpty ? nil : $0 }
        if url == nil, let doi = field("doi") {
            url = doi.hasPrefix("http") ? doi : "https://doi.org/" + doi
        }
        if url == nil, let eprint = field("eprint"),
           (field("archiveprefix") ?? field("eprinttype") ?? "").lowercased() == "arxiv" {
            url = "https://arxiv.org/abs/" + eprint
        }
        let venue = field("journal") ?? field("journaltitle") ?? field("booktitle") ?? field("publisher")
            ?? field("howpublished") ?? field("institution") ?? field("organization") ?? field("school")
        var year = field("year")
        if year == nil, let date = field("date") { year = String(date.prefix(4)) }
        let authors = fields["author"].map(Self.authorNames) ?? fields["editor"].map(Self.authorNames) ?? []
        return BibliographyEntry(id: key, title: field("title") ?? key, url: url, authors: authors, year: year,
                                 venue: venue, origin: .bibtex, line: line)
    }

    /// Splits a BibTeX name list on top-level ` and ` and turns "Last, First" into "First Last".
    static func authorNames(_ raw: String) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        let words = raw.split(separator: " ", omittingEmptySubsequences: false)
        for word in words {
            if depth == 0 && word == "and" {
                names.append(current); current = ""; continue
            }
            for c in word { if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) } }
            current += current.isEmpty ? String(word) : " " + word
        }
        names.append(current)
        return names.compactMap { name in
            let parts = splitTopLevelCommas(name)
            let ordered: String
            switch parts.count {
            case 2: ordered = parts[1] + " " + parts[0]                  // Last, First
            case 3: ordered = parts[2] + " " + parts[0] + ", " + parts[1] // Last, Jr, First
            default: ordered = name
            }
            let text = LaTeXText.unicode(ordered)
            if text == "others" { return "et al." }
            return text.isEmpty ? nil : text
        }
    }

    private static func splitTopLevelCommas(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" { depth = max(0, depth - 1) }
            if c == "," && depth == 0 { parts.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }
}
