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
    ///
    /// Scans the UTF-8 bytes (the markers are ASCII); only `href` values that mention `.md` are
    /// looked at further, so a block without such a link costs one pass.
    public func rewrite(_ block: HTMLBlock, in page: String) -> (html: String, diagnostics: [SiteDiagnostic]) {
        let bytes = Array(block.html.utf8)
        guard Self.mentionsMarkdown(bytes[...]) else { return (block.html, []) }
        var diagnostics: [SiteDiagnostic] = []
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var done = 0
        while let start = bytes.withUnsafeBufferPointer({ bytes in
            Self.hrefMarker.withUnsafeBufferPointer { bytes.firstOffset(of: $0, from: done) }
        }) {
            let valueStart = start + Self.hrefMarker.count
            out += bytes[done..<valueStart]
            done = valueStart
            guard let close = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let value = bytes[valueStart..<close]
            if Self.mentionsMarkdown(value) {
                out += rewriteTarget(String(decoding: value, as: UTF8.self), page: page, line: block.line, diagnostics: &diagnostics).utf8
            } else {
                out += value   // not a link to a notebook: kept as it is
            }
            done = close
        }
        out += bytes[done...]
        return (String(decoding: out, as: UTF8.self), diagnostics)
    }

    private static let hrefMarker = Array("href=\"".utf8)

    /// Whether `bytes` contain `.md` in any letter case.
    private static func mentionsMarkdown(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i + 2 < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "."), bytes[i + 1] | 0x20 == UInt8(ascii: "m"), bytes[i + 2] | 0x20 == UInt8(ascii: "d") { return true }
            i += 1
        }
        return false
    }

    private func rewriteTarget(_ href: String, page: String, line: Int, diagnostics: inout [SiteDiagnostic]) -> String {
        let unescaped = Self.unescapingAmpersands(href)
        // Only relative references: no scheme, not protocol-relative, not a bare fragment.
        if unescaped.hasPrefix("#") || unescaped.hasPrefix("//") || unescaped.hasPrefix("/") { return href }
        if let colon = unescaped.firstIndex(of: ":"), !unescaped[..<colon].contains("/") { return href }
        var path = unescaped
        var suffix = ""
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[cut...]); path = String(path[..<cut])
        }
        guard path.lowercased().hasSuffix(".md") else { return href }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        guard let target = SitePaths.resolve(decoded, from: page), notebooks.contains(target) else {
            diagnostics.append(SiteDiagnostic(file: page, line: line,
                                              message: "broken link to \(decoded): no such notebook in the site; fix the path or remove the link"))
            return href
        }
        let link = SitePaths.relativeLink(from: SitePaths.htmlPath(for: page), to: SitePaths.htmlPath(for: target))
        let encoded = link.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0 == ".." ? String($0) : SiteURLs.percentEncode(String($0)) }.joined(separator: "/")
        return HTMLEscaping.escape(encoded + Self.unescapingAmpersands(suffix))
    }

    /// `&amp;` → `&` (the only entity cmark writes in a link destination besides those of `<>"`,
    /// which a relative path to a notebook does not contain).
    private static func unescapingAmpersands(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&amp;", with: "&") : text
    }
}
