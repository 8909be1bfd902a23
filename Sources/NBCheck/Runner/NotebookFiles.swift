import Foundation

/// Expands command-line paths into notebook files: files as given, folders searched recursively
/// for `*.md` (sorted, hidden folders skipped).
public enum NotebookFiles {
    public struct NotFound: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): error: no such file or folder" }
    }

    public static func find(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw NotFound(path: path) }
            guard isFolder.boolValue else { files.append(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            files += found.map { "\(base)/\($0)" }
        }
        return files
    }
}
