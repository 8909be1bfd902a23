import Foundation

/// A reference that can be cited and listed: from a link list in the prose, front matter
/// `references:`, or a BibTeX file. Plain text (no LaTeX, no HTML); renderers escape it.
public struct BibliographyEntry: Sendable, Equatable, Hashable, Codable {
    /// Where an entry was declared.
    public enum Origin: String, Sendable, Hashable, Codable { case linkList, frontMatter, bibtex }

    /// Citation key (`[@id]`); for link-list entries a generated one.
    public var id: String
    public var title: String
    public var url: String?
    /// Author names in display order ("Ada Lovelace"), possibly empty.
    public var authors: [String]
    public var year: String?
    /// Journal, proceedings, publisher or similar, when there is no URL to name the host.
    public var venue: String?
    public var origin: Origin
    /// 1-based line of the declaration in its file (the notebook or the .bib).
    public var line: Int

    public init(id: String, title: String, url: String? = nil, authors: [String] = [], year: String? = nil,
                venue: String? = nil, origin: Origin, line: Int) {
        self.id = id; self.title = title; self.url = url; self.authors = authors; self.year = year
        self.venue = venue; self.origin = origin; self.line = line
    }

    /// The host of the URL, lowercased, without user, port or `www.` (`mp.weixin.qq.com`), else
    /// the venue, else nil.
    public var host: String? {
        if let url, let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        return venue
    }

    /// The URL in the form used to detect duplicates: scheme and host lowercased, no fragment,
    /// no trailing slash, `http` and `https` treated alike.
    public var normalizedURL: String? {
        guard let url else { return nil }
        guard var parts = URLComponents(string: url.trimmingCharacters(in: .whitespaces)) else { return url }
        parts.scheme = "https"
        parts.host = parts.host?.lowercased()
        parts.fragment = nil
        if parts.path.hasSuffix("/") { parts.path.removeLast() }
        return parts.string ?? url
    }
}

extension BibliographyEntry {
    /// An entry of a link list in the prose (its number is its id).
    public init(_ reference: Reference) {
        self.init(id: reference.id, title: reference.title ?? reference.url ?? reference.id, url: reference.url,
                  authors: reference.author.map { [$0] } ?? [], year: reference.year,
                  origin: .linkList, line: reference.location.line)
    }
}
