/// The numbered bibliography of one page: every front-matter reference plus the BibTeX entries the
/// page cites (in order of first citation), duplicates by URL merged. Resolves `[@id]` to numbers.
///
/// An entry of a link list in the prose keeps its place and number; a front-matter or BibTeX entry
/// with the same URL gives it a citation key and fills in its authors, year and venue (silently:
/// that is how a listed link gets a key). A BibTeX entry does so even when it is not cited.
public struct PageBibliography: Sendable, Equatable {
    /// Entries in display order; entry `i` has number `i + 1`.
    public private(set) var entries: [BibliographyEntry] = []
    /// Citation key → index in `entries` (merged duplicates point at the kept entry).
    public private(set) var index: [String: Int] = [:]
    /// Duplicate keys and URLs, with the line of the later declaration.
    public private(set) var diagnostics: [BibliographyDiagnostic] = []
    /// Normalised URL → first entry with it, and first entry with it that is not from a link
    /// list: a duplicate is found in constant time, so a page of n references costs O(n).
    private var firstByURL: [String: Int] = [:]
    private var firstNonListByURL: [String: Int] = [:]

    /// Builds a page's bibliography.
    /// - Parameters:
    ///   - listed: entries always shown (front matter `references:`), in order.
    ///   - library: entries shown only when cited (from `bibliography:` files).
    ///   - cited: citation keys in the order they appear in the page.
    public init(listed: [BibliographyEntry], library: [BibliographyEntry] = [], cited: [String] = []) {
        var libraryByID: [String: BibliographyEntry] = [:]
        var libraryByURL: [String: BibliographyEntry] = [:]
        for entry in library {
            if libraryByID[entry.id] == nil { libraryByID[entry.id] = entry }
            if let url = entry.normalizedURL, libraryByURL[url] == nil { libraryByURL[url] = entry }
        }
        for entry in listed {
            add(entry)
            // A listed link with the URL of a library entry takes its details and answers to its key.
            if entry.origin == .linkList, let url = entry.normalizedURL, let known = libraryByURL[url], index[known.id] == nil {
                add(known)
            }
        }
        for key in cited where index[key] == nil {
            if let entry = libraryByID[key] { add(entry) }
        }
    }

    /// The 1-based number of the entry cited as `key`, if known.
    public func number(of key: String) -> Int? { index[key].map { $0 + 1 } }

    /// How often the page cites each entry (by the entry's id), for `keys` cited in page order.
    public func citationCounts(_ keys: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for key in keys { if let i = index[key] { counts[entries[i].id, default: 0] += 1 } }
        return counts
    }

    /// The entry cited as `key`, if known.
    public func entry(for key: String) -> BibliographyEntry? { index[key].map { entries[$0] } }

    private mutating func add(_ entry: BibliographyEntry) {
        if let existing = index[entry.id] {
            diagnostics.append(BibliographyDiagnostic(
                message: "reference id '\(entry.id)' is declared twice; the first (line \(entries[existing].line)) is kept",
                line: entry.line))
            return
        }
        // Entries of the prose's link lists are numbered in place by the page, so two of them are
        // never merged (that would shift the numbers); any other duplicate URL is merged.
        let url = entry.normalizedURL
        if let url, let existing = entry.origin == .linkList ? firstNonListByURL[url] : firstByURL[url] {
            var kept = entries[existing]
            if kept.origin != .linkList || entry.origin == .linkList {
                diagnostics.append(BibliographyDiagnostic(
                    message: "reference '\(entry.id)' has the same URL as '\(kept.id)' (line \(kept.line)); merged into [\(existing + 1)]",
                    line: entry.line))
            }
            index[entry.id] = existing
            if kept.authors.isEmpty { kept.authors = entry.authors }
            if kept.year == nil { kept.year = entry.year }
            if kept.venue == nil { kept.venue = entry.venue }
            // A link written without a title line shows the URL: the keyed entry's title is better.
            if kept.origin == .linkList, kept.title == kept.url, entry.title != entry.url { kept.title = entry.title }
            entries[existing] = kept
            return
        }
        if let url {
            if firstByURL[url] == nil { firstByURL[url] = entries.count }
            if entry.origin != .linkList, firstNonListByURL[url] == nil { firstNonListByURL[url] = entries.count }
        }
        index[entry.id] = entries.count
        entries.append(entry)
    }
}
