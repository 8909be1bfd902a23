import Foundation
import NBDocument
import NBHash
import NBLanguage

/// A document's stored environments, one per cell: `.nb-cache/<key>.env`.
///
/// Layout: the line `nb-environments 2`, the index's length as 8 little-endian bytes, the
/// SHA-256 of the index (64 hex digits), the index (JSON, sorted keys: cells and the blob table's
/// hashes and lengths), then the blobs back to back. The index is checked against its checksum
/// when read, and each blob against the hash the index gives it when used, so every byte of the
/// file is checked without hashing blobs nobody reads. One file written atomically; the same
/// environments give the same bytes. Loading never fails loudly: a missing or foreign file is no
/// archive, a damaged one is reported as such (`--explain`), and a blob that no longer matches
/// its hash is no value.
struct EnvironmentArchive: Sendable {
    static let magic = Data("nb-environments 2\n".utf8)
    /// Bytes before the index: magic, length, checksum.
    static let headerLength = magic.count + 8 + 64

    /// The environment after each cell (nil: none stored for that cell).
    var cells: [StoredEnvironment?]
    var blobs: BlobTable

    init(cells: [StoredEnvironment?] = [], blobs: BlobTable = BlobTable()) {
        self.cells = cells
        self.blobs = blobs
    }

    private struct Index: Codable {
        var cells: [StoredEnvironment?]
        var blobs: [BlobTable.Entry]
    }

    /// What reading an archive found.
    enum Loaded {
        /// No file, or one of another format.
        case missing
        /// The file is this format but cut short or changed (checksum or framing).
        case damaged
        case archive(EnvironmentArchive)

        var archive: EnvironmentArchive? { if case .archive(let archive) = self { archive } else { nil } }
    }

    /// The file's bytes.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let index = try encoder.encode(Index(cells: cells, blobs: blobs.entries))
        var data = Self.magic
        withUnsafeBytes(of: UInt64(index.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(Data(SHA256.hex(index).utf8))
        data.append(index)
        data.append(blobs.concatenated)
        return data
    }

    /// Reads an archive.
    static func load(_ url: URL) -> Loaded {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return .missing }
        return decode(data)
    }

    static func decode(_ data: Data) -> Loaded {
        let bytes = data.startIndex
        guard data.starts(with: magic) else { return .missing }
        guard data.count >= headerLength else { return .damaged }
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(data[bytes + magic.count + i]) << (8 * UInt64(i)) }
        guard length <= UInt64(data.count - headerLength) else { return .damaged }
        let checksum = data[(bytes + magic.count + 8)..<(bytes + headerLength)]
        let indexBytes = data[(bytes + headerLength)..<(bytes + headerLength + Int(length))]
        guard Data(SHA256.hex(indexBytes).utf8) == checksum,
              let index = try? JSONDecoder().decode(Index.self, from: indexBytes) else { return .damaged }
        var offset = bytes + headerLength + Int(length)
        var contents: [Data] = []
        contents.reserveCapacity(index.blobs.count)
        for entry in index.blobs {
            guard entry.length >= 0, entry.length <= data.endIndex - offset else { return .damaged }
            contents.append(data[offset..<(offset + entry.length)])
            offset += entry.length
        }
        guard offset == data.endIndex else { return .damaged }
        return .archive(EnvironmentArchive(cells: index.cells, blobs: BlobTable(entries: index.blobs, contents: contents)))
    }

    func write(to url: URL) throws {
        // Regenerable: a damaged archive reads as absent, so no flush to the device.
        try AtomicFile.write(try encoded(), to: url, durable: false)
    }

    // MARK: Environments in and out

    /// The environment stored after a cell, looked up.
    enum Lookup {
        /// Nothing usable stored for that cell under that key (or it holds an unstorable value).
        case absent
        /// Stored, but a value no longer matches its hash.
        case damaged
        case found(EncodedEnvironment)
    }

    /// The encoded environment stored after `cell` when its key is `key` and every value is intact.
    func environment(after cell: Int, key: String) -> Lookup {
        guard cell >= 0, cell < cells.count, let stored = cells[cell], stored.key == key, stored.unstorable == nil,
              stored.names.count == stored.values.count, let generatorPosition = stored.generator
        else { return .absent }
        guard let generator = blobs.verifiedData(at: generatorPosition) else { return .damaged }
        var values: [EncodedValue?] = []
        values.reserveCapacity(stored.values.count)
        for position in stored.values {
            guard let position else { values.append(nil); continue }
            guard let data = blobs.verifiedData(at: position) else { return .damaged }
            values.append(EncodedValue(data: data, hash: blobs.entries[position].hash))
        }
        var failed: [String: TextLocation] = [:]
        for entry in stored.failed { failed[entry.name] = entry.location }
        return .found(EncodedEnvironment(names: stored.names, values: values, failedNames: failed, generator: generator))
    }

    /// Records the environment after `cell` under `key`.
    mutating func store(_ environment: EncodedEnvironment, after cell: Int, key: String) {
        let values = environment.values.map { $0.map { blobs.add($0.data, hash: $0.hash) } }
        let failed = environment.failedNames.sorted { $0.key < $1.key }.map { StoredEnvironment.FailedName(name: $0.key, location: $0.value) }
        set(StoredEnvironment(key: key, names: environment.names, values: values, failed: failed,
                              generator: blobs.add(environment.generator), unstorable: nil), at: cell)
    }

    /// Records that the environment after `cell` cannot be stored.
    mutating func storeUnstorable(_ unstorable: StoredEnvironment.Unstorable, after cell: Int, key: String) {
        set(StoredEnvironment(key: key, names: [], values: [], failed: [], generator: nil, unstorable: unstorable), at: cell)
    }

    /// Copies the entry of `cell` from `other` (with the blobs it uses), keeping it only when its
    /// key is still `key`.
    mutating func copy(cell: Int, from other: EnvironmentArchive, key: String) {
        guard cell < other.cells.count, var stored = other.cells[cell], stored.key == key else { return }
        func move(_ position: Int) -> Int? {
            guard let (data, hash) = other.blobs.raw(at: position) else { return nil }
            return blobs.add(data, hash: hash)
        }
        var values: [Int?] = []
        for position in stored.values {
            guard let position else { values.append(nil); continue }
            guard let moved = move(position) else { return }
            values.append(moved)
        }
        stored.values = values
        if let generator = stored.generator {
            guard let moved = move(generator) else { return }
            stored.generator = moved
        }
        set(stored, at: cell)
    }

    /// Sets the key of the entry of `cell`, if there is one.
    mutating func rekey(cell: Int, key: String) {
        if cell < cells.count { cells[cell]?.key = key }
    }

    private mutating func set(_ stored: StoredEnvironment, at cell: Int) {
        if cells.count <= cell { cells.append(contentsOf: repeatElement(nil, count: cell + 1 - cells.count)) }
        cells[cell] = stored
    }
}
