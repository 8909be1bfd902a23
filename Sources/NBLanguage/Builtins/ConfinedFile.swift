import Foundation

/// The one rule for files a notebook names (a cell's `load`, front matter `bibliography:`):
/// a relative path, without `..`, that resolves — symlinks followed — inside the notebook's
/// folder tree, to a regular file of bounded size holding UTF-8 text.
public enum ConfinedFile {
    /// Why a file cannot be read.
    public struct Failure: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The path leaves the folder (absolute, `..`, or a symlink out), or no folder is known.
            case outside
            /// Larger than the caller's limit.
            case tooLarge
            /// Missing, a directory, or not UTF-8 text.
            case unreadable
        }
        public var kind: Kind
        public var message: String
        public var hint: String?
    }

    /// Largest file read unless the caller says otherwise.
    public static let defaultMaximumBytes = 64 << 20

    /// The text of `path` (relative to the folder `root`) and the path normalised (`./a//b` →
    /// `a/b`), for dependency tracking.
    /// - Throws: `Failure` naming `path` as written.
    public static func read(_ path: String, root: String?, maximumBytes: Int = defaultMaximumBytes)
        throws(Failure) -> (text: String, path: String) {
        guard let root else {
            throw Failure(kind: .outside, message: "this session has no notebook folder, so no file can be read")
        }
        let hint = "give a path relative to the notebook's folder, without '..'"
        if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\0") || path.contains("\\") {
            throw Failure(kind: .outside, message: "'\(path)' is not a relative path inside the notebook's folder", hint: hint)
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if components.contains("..") {
            throw Failure(kind: .outside, message: "'\(path)' leaves the notebook's folder", hint: hint)
        }
        guard let realRoot = realPath(root) else {
            throw Failure(kind: .outside, message: "the notebook's folder '\(root)' cannot be resolved")
        }
        guard let resolved = realPath(realRoot + "/" + components.joined(separator: "/")) else {
            throw Failure(kind: .unreadable, message: "no file '\(path)' in the notebook's folder", hint: "check the file name")
        }
        // A symlink may point anywhere: compare the fully resolved path with the resolved root.
        guard resolved.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
            throw Failure(kind: .outside, message: "'\(path)' resolves outside the notebook's folder", hint: hint)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Failure(kind: .unreadable, message: "'\(path)' is not a file")
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: resolved)) ?? [:]
        // A FIFO or device would block or never end.
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw Failure(kind: .unreadable, message: "'\(path)' is not a file")
        }
        let size = attributes[.size] as? Int ?? 0
        if size > maximumBytes {
            throw Failure(kind: .tooLarge, message: "'\(path)' is larger than \(sizeText(maximumBytes))")
        }
        guard let data = FileManager.default.contents(atPath: resolved), data.count <= maximumBytes,
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(kind: .unreadable, message: "'\(path)' cannot be read as UTF-8 text")
        }
        return (text, components.filter { $0 != "." }.joined(separator: "/"))
    }

    private static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
