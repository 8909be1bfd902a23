import Foundation

/// Detects changes in a folder by polling: a snapshot maps each file (hidden files and folders,
/// `_` folders and the excluded output folder skipped) to its size and modification time.
public struct SourceWatcher: Sendable {
    public struct Stamp: Sendable, Equatable { var size: Int; var modified: Double }

    public let root: URL
    public let excluded: URL?

    public init(root: URL, excluding excluded: URL?) { self.root = root; self.excluded = excluded }

    /// The current state of the folder.
    public func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let rootPath = root.standardizedFileURL.path
        let excludedPath = excluded?.standardizedFileURL.path
        let keys: [URLResourceKey] = [.isDirectoryKey, .fileSizeKey, .contentModificationDateKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [:] }
        while let url = walker.nextObject() as? URL {
            let name = url.lastPathComponent
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
            if values.isDirectory == true {
                if name.hasPrefix(".") || name.hasPrefix("_") || url.standardizedFileURL.path == excludedPath { walker.skipDescendants() }
                continue
            }
            if name.hasPrefix(".") { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
            stamps[relative] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
        }
        return stamps
    }

    /// Paths added, removed or modified between two snapshots, sorted.
    public static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
