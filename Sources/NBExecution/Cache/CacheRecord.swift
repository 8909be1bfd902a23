import NBLanguage

/// The stored results of one document: what was run, under which engine and options, and what
/// each cell produced. One JSON file per document in `.nb-cache/`, behind a checksum
/// (`ChecksummedFile`).
struct CacheRecord: Codable, Sendable, Equatable {
    /// Bumped when this layout changes; a record of another format is a miss.
    static let format = 2

    var format: Int
    var engineVersion: String
    var optionsHash: String
    var cells: [CellRecord]

    struct CellRecord: Codable, Sendable, Equatable {
        /// SHA-256 of this cell's source.
        var sourceHash: String
        /// SHA-256 chained over the engine, options and the sources of this cell and all before it.
        var prefixHash: String
        /// Files this cell read, with their content hashes when it ran.
        var files: [FileStamp]
        /// The line the cell started on when it ran.
        var line: Int
        var outcome: CellOutcome
        /// Wall-clock seconds the cell took when it last ran (balances `nb build --shard`); absent
        /// in records written before it was kept.
        var seconds: Double?
    }

    struct FileStamp: Codable, Sendable, Equatable {
        var path: String
        var hash: String
    }
}

/// A document's record as read from the cache folder.
enum StoredRecord: Sendable, Equatable {
    /// Nothing stored (or a record of another format).
    case missing
    /// The file fails its checksum or does not decode: recomputed, and `--explain` says so.
    case damaged
    case record(CacheRecord)
}
