import Foundation

/// Maps request paths to files of the built site, refusing anything outside it.
struct StaticFiles: Sendable {
    let root: URL

    /// The file for a URL path (`/` and folders → `index.html`), or nil when there is none or the
    /// path tries to leave the site folder.
    func file(for requestPath: String) -> URL? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") }) else { return nil }
        var url = root
        for part in parts { url.appendPathComponent(String(part)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        }
        // A symbolic link may point anywhere: serve only what resolves to a file inside the site.
        guard let rootPath = Self.resolved(root.path), let filePath = Self.resolved(url.path),
              filePath.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: filePath, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return URL(fileURLWithPath: filePath)
    }

    /// The absolute path with every symbolic link resolved (`realpath(3)`), or nil when it does
    /// not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "woff2": "font/woff2"
        case "csv", "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
