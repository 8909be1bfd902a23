import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a site's notebooks and static files. Hidden files and folders, folders starting with
/// `_`, `.nb-cache` and the output folder are skipped, and so are symbolic links.
public struct SiteSources: Sendable {
    /// Notebook paths (site-relative, sorted).
    public var notebooks: [String]
    /// Other files to copy as they are (images, data), site-relative, sorted.
    public var assets: [String]

    /// Walks `root` with `readdir` (the entry types come with the names: no call per file).
    public static func scan(_ root: URL, excluding output: URL?) -> SiteSources {
        let rootPath = root.standardizedFileURL.path
        let outputPath = output?.standardizedFileURL.path
        var notebooks: [String] = []
        var assets: [String] = []
        var folders = [""]   // site-relative, "" for the root
        while let folder = folders.popLast() {
            let absolute = folder.isEmpty ? rootPath : rootPath + "/" + folder
            for (name, kind) in entries(of: absolute) where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                switch kind {
                case .folder:
                    if !name.hasPrefix("_") && absolute + "/" + name != outputPath { folders.append(relative) }
                case .file:
                    if name.lowercased().hasSuffix(".md") { notebooks.append(relative) }
                    else if relative != "site.yml" && relative != "site.yaml" { assets.append(relative) }
                case .other:
                    continue
                }
            }
        }
        return SiteSources(notebooks: notebooks.sorted(), assets: assets.sorted())
    }

    private enum Kind { case folder, file, other }

    /// The names in folder `path` with their kinds (a symbolic link is `other`); empty when the
    /// folder cannot be read.
    private static func entries(of path: String) -> [(String, Kind)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(String, Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_UNKNOWN): kind = kindByStat(path + "/" + name)
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// For file systems that do not report entry types.
    private static func kindByStat(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }
}
