/// Path arithmetic for site-relative paths (always `/`-separated, never absolute).
public enum SitePaths {
    /// `a/b.md` → `a/b.html`.
    public static func htmlPath(for markdownPath: String) -> String {
        guard markdownPath.lowercased().hasSuffix(".md") else { return markdownPath + ".html" }
        return String(markdownPath.dropLast(3)) + ".html"
    }

    /// The prefix that leads from a page back to the site root (`a/b/c.html` → `../../`).
    public static func rootPrefix(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count - 1)
    }

    /// Resolves `relative` against the folder of `page` (both site-relative); nil when it climbs
    /// above the root.
    public static func resolve(_ relative: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative link from page `from` to site path `to` (`a/x.html`, `b/y.html` → `../b/y.html`).
    public static func relativeLink(from: String, to: String) -> String {
        let fromDir = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromDir.count, common < toParts.count - 1, fromDir[fromDir.startIndex + common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromDir.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }
}
