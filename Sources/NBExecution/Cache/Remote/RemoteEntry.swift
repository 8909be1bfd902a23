import Foundation

/// What the shared cache's `ac/` space holds for one notebook's content: the `cas/` keys of its
/// cell-record file and (when stored) its environments file, as three text lines.
struct RemoteEntry: Sendable, Equatable {
    static let magic = "nb-remote-entry 1"

    /// SHA-256 of the record file's bytes (the sealed `.json` of `CellResultCache`).
    var record: String
    /// SHA-256 of the environments file's bytes (`.env`), if one was stored.
    var environments: String?

    var encoded: Data {
        Data("\(Self.magic)\nrecord \(record)\nenvironments \(environments ?? "-")\n".utf8)
    }

    /// Reads an entry; nil for anything else (another format, a damaged or foreign blob).
    init?(_ data: Data) {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Self.magic,
              lines[1].hasPrefix("record "), lines[2].hasPrefix("environments ") else { return nil }
        let record = String(lines[1].dropFirst("record ".count))
        let environments = String(lines[2].dropFirst("environments ".count))
        guard Self.isKey(record), environments == "-" || Self.isKey(environments) else { return nil }
        self.record = record
        self.environments = environments == "-" ? nil : environments
    }

    init(record: String, environments: String?) { self.record = record; self.environments = environments }

    /// 64 lowercase hex digits.
    static func isKey(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
