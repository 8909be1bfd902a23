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
/// Every entry is stored with the SHA-256 of its path and bytes, checked when it is looked up: an
/// entry changed on disk (a flipped bit, a same-length edit) is re-rendered, never served, and
/// `--explain` says so. The paths and checksums themselves are covered by one checksum checked
/// when the pack is opened; a pack that fails it, or whose framing is broken, loses all its
/// entries the same way.
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
    private let stored: [String: Packed]
    /// The pack file exists in this format but could not be read: every lookup is damaged.
    private let packDamaged: Bool
    private let fresh = Mutex<[String: [UInt8]]>([:])

    /// An entry as the pack holds it: its encoding and the checksum it was written with.
    struct Packed: Sendable, Equatable {
        var checksum: String
        var bytes: [UInt8]
    }

    /// What looking a notebook up found.
    enum Lookup: Equatable {
        case hit(Entry)
        case miss
        /// The stored entry (or the whole pack) fails its checksum.
        case damaged

        var entry: Entry? { if case .hit(let entry) = self { entry } else { nil } }
    }

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
        let bytes = (try? Data(contentsOf: directory.appendingPathComponent(Self.packName))).map { [UInt8]($0) }
        let unpacked = bytes.flatMap(Self.unpack)
        stored = unpacked ?? [:]
        // A pack of an older format is simply not there; one of this format that does not unpack is damaged.
        packDamaged = unpacked == nil && bytes?.starts(with: Self.packMagic) == true
    }

    static let packName = "pages.pack"
    static let packMagic = Array("nb-page-pack 3\n".utf8)

    /// The render of `path` when still valid (added in this build, or stored, intact and unchanged).
    func lookup(_ path: String, engineVersion: String, sourceHash: String, root: URL) -> Lookup {
        let bytes: [UInt8]
        if let fresh = fresh.withLock({ $0[path] }) {
            bytes = fresh
        } else if let packed = stored[path] {
            guard packed.checksum == Self.checksum(path: path, bytes: packed.bytes) else { return .damaged }
            bytes = packed.bytes
        } else {
            return packDamaged ? .damaged : .miss
        }
        guard let entry = PageCacheCodec.decode(bytes) else { return .damaged }
        guard entry.engineVersion == engineVersion, entry.sourceHash == sourceHash else { return .miss }
        for dependency in entry.dependencies {
            guard let bytes = try? Data(contentsOf: root.appendingPathComponent(dependency.path)),
                  SHA256.hex(bytes) == dependency.hash else { return .miss }
        }
        return .hit(entry)
    }

    /// The checksum an entry is packed with: its path and bytes, so that neither can change unseen.
    static func checksum(path: String, bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.updateField(path)
        hasher.update(bytes)
        return hasher.finalize().hex
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
        var entries: [(String, Packed)] = []
        for path in keep.sorted() {
            if let bytes = added[path] {
                entries.append((path, Packed(checksum: Self.checksum(path: path, bytes: bytes), bytes: bytes)))
            } else if let packed = stored[path] {
                entries.append((path, packed))
            }
        }
        try? AtomicFile.write(Data(Self.pack(entries)), to: directory.appendingPathComponent(Self.packName), durable: false)
        // Folder of the one-file-per-page cache of earlier versions.
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("pages"))
    }

    /// The magic line, the checksum of the index (every path and entry checksum), the entry
    /// count, then per entry its path, checksum and encoded entry (length-prefixed).
    static func pack(_ entries: [(path: String, packed: Packed)]) -> [UInt8] {
        var w = PageCacheCodec.Writer(bytes: packMagic)
        w.string(indexChecksum(entries.map { ($0.path, $0.packed.checksum) }))
        w.list(entries) { w, entry in w.string(entry.path); w.string(entry.packed.checksum); w.run(entry.packed.bytes) }
        return w.bytes
    }

    private static func indexChecksum(_ index: [(path: String, checksum: String)]) -> String {
        var hasher = SHA256()
        hasher.updateField("nb-page-pack-index")
        for (path, checksum) in index { hasher.updateField(path); hasher.updateField(checksum) }
        return hasher.finalize().hex
    }

    /// The entries of a pack by path (their bytes not checked yet); nil when the framing is broken
    /// or the index fails its checksum.
    static func unpack(_ bytes: [UInt8]) -> [String: Packed]? {
        guard bytes.starts(with: packMagic) else { return nil }
        var r = PageCacheCodec.Reader(bytes: bytes, position: packMagic.count)
        guard let index = r.string(), let entries = r.list({ r -> (String, Packed)? in
            guard let path = r.string(), let checksum = r.string(), let run = r.run() else { return nil }
            return (path, Packed(checksum: checksum, bytes: Array(bytes[run])))
        }), r.position == bytes.count, index == indexChecksum(entries.map { ($0.0, $0.1.checksum) }) else { return nil }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }
}
