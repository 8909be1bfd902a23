import Foundation
import NBDocument
import NBHash
import NBLanguage

/// The on-disk cell-result cache (SPEC §7): `DIR/<hash of the document path>.json` holds each
/// cell's outcome, `DIR/<same hash>.env` the environment after each cell (`EnvironmentArchive`).
///
/// A cell's result is reused when the engine version, the document's options, its own source, the
/// sources of every cell before it and the contents of every data file read by it or by a cell
/// before it are unchanged. Reading never fails: a missing, unreadable or foreign record is a miss.
public struct CellResultCache: Sendable {
    /// The cache folder (usually `<site source>/.nb-cache`).
    public let directory: URL
    /// The cache server shared with other machines, if any (`nb build --cache-url`).
    public let remote: RemoteCache?

    public init(directory: URL, remote: RemoteCache? = nil) { self.directory = directory; self.remote = remote }

    /// Decides, cell by cell, what can be reused for `document` stored under `documentKey`
    /// (normally the notebook's path relative to the site root).
    public func plan(for document: CacheDocument, documentKey: String, fingerprint: FileFingerprinter) -> CachePlan {
        CacheValidator.plan(document: document, stored: loadRecord(documentKey), fingerprint: fingerprint)
    }

    /// Stores the outcomes of a full run of `document` (one outcome per cell, in order).
    /// Data-file hashes are taken now, through `fingerprint`. Written atomically.
    public func store(_ outcomes: [CellOutcome], for document: CacheDocument, documentKey: String,
                      fingerprint: FileFingerprinter) throws {
        _ = try storeRecord(outcomes, for: document, documentKey: documentKey, fingerprint: fingerprint)
    }

    /// Stores and returns the record of a full run.
    func storeRecord(_ outcomes: [CellOutcome], seconds: [Double?] = [], for document: CacheDocument, documentKey: String,
                     fingerprint: FileFingerprinter) throws -> CacheRecord {
        let record = CacheValidator.record(document: document, outcomes: outcomes, seconds: seconds, fingerprint: fingerprint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Regenerable: a torn record fails its checksum and is recomputed, so no flush to the device.
        try AtomicFile.write(ChecksummedFile.seal(try encoder.encode(record), magic: Self.recordMagic),
                             to: url(for: documentKey), durable: false)
        return record
    }

    /// Wall-clock seconds the cells of a document took when they last ran, summed over the cells
    /// whose time is known; nil when no record or no time is stored (balances `nb build --shard`).
    public func recordedSeconds(documentKey: String) -> Double? {
        let times = load(documentKey)?.cells.compactMap(\.seconds) ?? []
        return times.isEmpty ? nil : times.reduce(0, +)
    }

    /// Removes the stored record and environments of one document, if any.
    public func remove(documentKey: String) {
        try? FileManager.default.removeItem(at: url(for: documentKey))
        try? FileManager.default.removeItem(at: environmentsURL(for: documentKey))
    }

    /// The environments stored after each cell of a document (`<hash>.env`).
    func loadEnvironments(_ documentKey: String) -> EnvironmentArchive.Loaded {
        EnvironmentArchive.load(environmentsURL(for: documentKey))
    }

    /// Writes a document's environments atomically.
    func storeEnvironments(_ archive: EnvironmentArchive, documentKey: String) throws {
        try archive.write(to: environmentsURL(for: documentKey))
    }

    /// The first line of a record file (`ChecksummedFile`).
    static let recordMagic = "nb-cell-record \(CacheRecord.format)"

    /// The stored record of a document: missing (or of another format), damaged, or checked.
    func loadRecord(_ documentKey: String) -> StoredRecord {
        switch ChecksummedFile.read(url(for: documentKey), magic: Self.recordMagic) {
        case .missing: return .missing
        case .damaged: return .damaged
        case .intact(let data):
            guard let record = try? JSONDecoder().decode(CacheRecord.self, from: data),
                  record.format == CacheRecord.format else { return .damaged }
            return .record(record)
        }
    }

    func load(_ documentKey: String) -> CacheRecord? {
        if case .record(let record) = loadRecord(documentKey) { record } else { nil }
    }

    func url(for documentKey: String) -> URL {
        directory.appendingPathComponent(String(SHA256.hex(documentKey).prefix(32)) + ".json")
    }

    func environmentsURL(for documentKey: String) -> URL {
        directory.appendingPathComponent(String(SHA256.hex(documentKey).prefix(32)) + ".env")
    }
}
