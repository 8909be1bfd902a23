import Foundation
import NBHash

/// Encoded values, each stored once however many cells' environments hold it, identified by the
/// SHA-256 of its bytes (checked again before a stored value is used).
struct BlobTable: Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var hash: String
        var length: Int
    }

    private(set) var entries: [Entry] = []
    private var contents: [Data] = []
    private var positions: [String: Int] = [:]

    init() {}

    /// A table over blobs already laid out in an archive (`contents[i]` holds `entries[i].length` bytes).
    init(entries: [Entry], contents: [Data]) {
        self.entries = entries
        self.contents = contents
        for (i, entry) in entries.enumerated() where positions[entry.hash] == nil { positions[entry.hash] = i }
    }

    var count: Int { entries.count }

    /// Adds `data` (once) and returns its position.
    mutating func add(_ data: Data) -> Int {
        add(data, hash: SHA256.hex(data))
    }

    /// Adds bytes whose hash is already known (copied from another table).
    mutating func add(_ data: Data, hash: String) -> Int {
        if let position = positions[hash] { return position }
        positions[hash] = entries.count
        entries.append(Entry(hash: hash, length: data.count))
        contents.append(data)
        return entries.count - 1
    }

    /// The bytes at `position` when they still match their hash, else nil.
    func verifiedData(at position: Int) -> Data? {
        guard position >= 0, position < contents.count else { return nil }
        let data = contents[position]
        return SHA256.hex(data) == entries[position].hash ? data : nil
    }

    /// The bytes at `position` and their recorded hash, unchecked (for copying into a new table).
    func raw(at position: Int) -> (data: Data, hash: String)? {
        guard position >= 0, position < contents.count else { return nil }
        return (contents[position], entries[position].hash)
    }

    /// Every blob's bytes, in order.
    var concatenated: Data {
        var out = Data(capacity: entries.reduce(0) { $0 + $1.length })
        for data in contents { out.append(data) }
        return out
    }
}
