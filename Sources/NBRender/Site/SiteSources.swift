import Foundation

/// Finds a site's notebooks and static files. Hidden files and folders, folders starting with
/// `_`, `.nb-cache` and the output folder are skipped.
public struct SiteSources: Sendable {
    /// Notebook paths (site-relative, sorted).
    public var notebooks: [String]
    /// Other files to copy as they are (images, data), site-relative, sorted.
    public var assets: [String]

    public static func scan(_ root: URL, excluding output: URL?) -> SiteSources {
        let rootPath = root.standardizedFileURL.path
        let outputPath = output?.standardizedFileURL.path
        var notebooks: [String] = []
        var assets: [String] = []
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else {
            return SiteSources(notebooks: [], assets: [])
        }
        while let url = walker.nextObject() as? URL {
            let name = url.lastPathComponent
            let values = try? url.resourceValues(forKeys: Set(keys))
            let path = url.standardizedFileURL.path
            if values?.isDirectory == true {
                if name.hasPrefix(".") || name.hasPrefix("_") || path == outputPath { walker.skipDescendants() }
                continue
            }
            guard values?.isRegularFile == true, !name.hasPrefix("."), path.hasPrefix(rootPath + "/") else { continue }
            let relative = String(path.dropFirst(rootPath.count + 1))
            if name.lowercased().hasSuffix(".md") { notebooks.append(relative) }
            else if relative != "site.yml" && relative != "site.yaml" { assets.append(relative) }
        }
        return SiteSources(notebooks: notebooks.sorted(), assets: assets.sorted())
    }
}
