import NBDocument
import Foundation

/// Rewrites links between notebooks: `href="other.md"` (relative, optionally with `#fragment`)
/// becomes a link to the rendered page `other.html`. A link to a `.md` file that is not a
/// notebook of the site is left as is and reported with its block's line.
public struct LinkRewriter: Sendable {
    /// Site-relative paths of all notebooks (`dl/autodiff.md`).
    public let notebooks: Set<String>

    public init(notebooks: Set<String>) { self.notebooks = notebooks }

    /// Rewrites the links of one block of page `page` (a site-relative notebook path).
    public func rewrite(_ block: HTMLBlock, in page: String) -> (html: String, diagnostics: [SiteDiagnostic]) {
        guard block.html.contains(".md") || block.html.contains(".MD") else { return (block.html, []) }
        var diagnostics: [SiteDiagnostic] = []
        var out = ""
        var rest = Substring(block.html)
        while let range = rest.range(of: "href=\"") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            out += rewriteTarget(value, page: page, line: block.line, diagnostics: &diagnostics)
            rest = rest[close...]
        }
        out += rest
        return (out, diagnostics)
    }

    private func rewriteTarget(_ href: String, page: String, line: Int, diagnostics: inout [SiteDiagnostic]) -> String {
        let unescaped = href.replacingOccurrences(of: "&amp;", with: "&")
        // Only relative references: no scheme, not protocol-relative, not a bare fragment.
        if unescaped.hasPrefix("#") || unescaped.hasPrefix("//") || unescaped.hasPrefix("/") { return href }
        if let colon = unescaped.firstIndex(of: ":"), !unescaped[..<colon].contains("/") { return href }
        var path = unescaped
        var suffix = ""
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[cut...]); path = String(path[..<cut])
        }
        guard path.lowercased().hasSuffix(".md") else { return href }
        let decoded = path.removingPercentEncoding ?? path
        guard let target = SitePaths.resolve(decoded, from: page), notebooks.contains(target) else {
            diagnostics.append(SiteDiagnostic(file: page, line: line,
                                              message: "broken link to \(decoded): no such notebook in the site; fix the path or remove the link"))
            return href
        }
        let link = SitePaths.relativeLink(from: SitePaths.htmlPath(for: page), to: SitePaths.htmlPath(for: target))
        let encoded = link.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0 == ".." ? String($0) : SiteURLs.percentEncode(String($0)) }.joined(separator: "/")
        return HTMLEscaping.escape(encoded + suffix.replacingOccurrences(of: "&amp;", with: "&"))
    }
}
