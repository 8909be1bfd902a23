import NBDocument
import NBLanguage

/// The environment after one cell as the archive holds it: names, and per name the position of
/// its encoded value in the archive's blob table.
struct StoredEnvironment: Codable, Sendable, Equatable {
    /// Ties the environment to the cells and data files that produced it (`CacheValidator.stateKeys`).
    var key: String
    var names: [String]
    /// Blob position of each name's value; nil for a known but unbound name.
    var values: [Int?]
    /// Names a failed cell left unbound, sorted by name.
    var failed: [FailedName]
    /// Blob position of the random generator's state; nil when `unstorable` is set.
    var generator: Int?
    /// Set when a value could not be stored; then nothing else is stored for this cell.
    var unstorable: Unstorable?

    struct FailedName: Codable, Sendable, Equatable {
        var name: String
        var location: TextLocation
    }

    /// A name whose value cannot be stored, the cell (0-based) that bound it, and why.
    struct Unstorable: Codable, Sendable, Equatable {
        var name: String
        var cell: Int
        var reason: String
    }
}
