import Foundation
import NBDocument
import NBExecution

/// Rendered notebooks kept between builds (`.nb-cache/pages/`), so that a rebuild with nothing
/// changed neither parses Markdown nor runs cells. An entry is reused when the engine version, the
/// notebook's text and every file it depends on (BibTeX files, data files its cells read) are
/// unchanged. Anything unreadable is a miss.
struct PageCache: Sendable {
    let directory: URL

    struct Entry: Sendable, Equatable {
        static let format = 1
        var format: Int
        var engineVersion: String
        var sourceHash: String
        /// Site-relative paths and content hashes.
        var dependencies: [Dependency]
        /// Source lines of the cells (for `--explain` on a hit).
        var cellLines: [Int]
        var render: NotebookRender
    }

    struct Dependency: Sendable, Equatable {
        var path: String
        var hash: String
    }

    /// The stored render of `path` when still valid.
    func lookup(_ path: String, engineVersion: String, sourceHash: String, root: URL) -> Entry? {
        guard let data = try? Data(contentsOf: url(for: path)),
              let entry = PageCacheCodec.decode([UInt8](data)), entry.engineVersion == engineVersion, entry.sourceHash == sourceHash
        else { return nil }
        for dependency in entry.dependencies {
            guard let bytes = try? Data(contentsOf: root.appendingPathComponent(dependency.path)),
                  SHA256.hex(bytes) == dependency.hash else { return nil }
        }
        return entry
    }

    func store(_ entry: Entry, for path: String) {
        try? AtomicFile.write(Data(PageCacheCodec.encode(entry)), to: url(for: path), durable: false)
    }

    private func url(for path: String) -> URL {
        directory.appendingPathComponent(String(SHA256.hex(path).prefix(32)) + ".page")
    }
}
