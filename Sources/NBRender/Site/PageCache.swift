import Foundation
import NBDocument
import NBExecution
import NBHash
import Synchronization

/// Rendered notebooks kept between builds, so that a rebuild with nothing changed neither parses
/// Markdown nor runs cells. An entry is reused when the engine version, the notebook's text and
/// every file it depends on (BibTeX files, data files its cells read) are unchanged. Anything
/// unreadable is a miss.
///
/// All entries live in one file, `.nb-cache/pages.pack`, read once when the cache is opened and
/// written once at the end of a build (`save`), only when an entry was added or dropped. One
/// file instead of one per notebook: creating files is what a cold build's workers otherwise
/// queue for (each creation locks its folder, and on some file systems finding a free inode is
/// slow), and a no-change rebuild opens one file instead of hundreds. Entries stay encoded until
/// looked up, so opening the pack costs one read.
///
/// Shared by the workers of a build: lookups read the immutable stored entries; `store` adds to a
/// locked table of fresh ones.
final class PageCache: Sendable {
    let directory: URL
    private let stored: [String: [UInt8]]
    private let fresh = Mutex<[String: [UInt8]]>([:])

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

    /// Opens the pack in `directory` (the cell cache's folder); a missing or damaged pack is empty.
    init(directory: URL) {
        self.directory = directory
        stored = (try? Data(contentsOf: directory.appendingPathComponent(Self.packName)))
            .flatMap { Self.unpack([UInt8]($0)) } ?? [:]
    }

    static let packName = "pages.pack"
    static let packMagic = Array("nb-page-pack 1\n".utf8)

    /// The render of `path` when still valid (added in this build, or stored and unchanged).
    func lookup(_ path: String, engineVersion: String, sourceHash: String, root: URL) -> Entry? {
        guard let bytes = fresh.withLock({ $0[path] }) ?? stored[path],
              let entry = PageCacheCodec.decode(bytes), entry.engineVersion == engineVersion, entry.sourceHash == sourceHash
        else { return nil }
        for dependency in entry.dependencies {
            guard let bytes = try? Data(contentsOf: root.appendingPathComponent(dependency.path)),
                  SHA256.hex(bytes) == dependency.hash else { return nil }
        }
        return entry
    }

    /// Keeps `entry` for `path` (written by the next `save`).
    func store(_ entry: Entry, for path: String) {
        let bytes = PageCacheCodec.encode(entry)
        fresh.withLock { $0[path] = bytes }
    }

    /// Writes the pack with the entries of `notebooks` (the site's notebook paths), when an entry
    /// was added since it was opened or a stored one belongs to no notebook any more. Errors are
    /// ignored: the cache only saves work.
    func save(notebooks: [String]) {
        let added = fresh.withLock { $0 }
        let keep = Set(notebooks)
        guard !added.isEmpty || stored.keys.contains(where: { !keep.contains($0) }) else { return }
        var entries: [(String, [UInt8])] = []
        for path in keep.sorted() { if let bytes = added[path] ?? stored[path] { entries.append((path, bytes)) } }
        try? AtomicFile.write(Data(Self.pack(entries)), to: directory.appendingPathComponent(Self.packName), durable: false)
        // Folder of the one-file-per-page cache of earlier versions.
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("pages"))
    }

    /// The magic line, the entry count, then per entry its path and encoded entry (length-prefixed).
    static func pack(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var w = PageCacheCodec.Writer(bytes: packMagic)
        w.list(entries) { w, entry in w.string(entry.path); w.run(entry.bytes) }
        return w.bytes
    }

    /// The entries of a pack by path; nil when the pack is damaged.
    static func unpack(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        guard bytes.starts(with: packMagic) else { return nil }
        var r = PageCacheCodec.Reader(bytes: bytes, position: packMagic.count)
        guard let entries = r.list({ r -> (String, [UInt8])? in
            guard let path = r.string(), let run = r.run() else { return nil }
            return (path, Array(bytes[run]))
        }), r.position == bytes.count else { return nil }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }
}
