/// Why a cell runs instead of being taken from the cache (printed by `nb build --explain`).
public enum CacheReason: Sendable, Equatable, CustomStringConvertible {
    /// Nothing stored for this cell (first build, a new cell, or the cache was cleared).
    case notCached
    /// The document's stored record failed its checksum (the file was changed or cut short).
    case cacheDamaged
    /// The engine version differs from the one that produced the stored results.
    case engineVersionChanged
    /// The document's options (seed, timeout, …) changed.
    case optionsChanged
    /// The cell's own source changed.
    case sourceChanged
    /// A cell before this one changed, was added, removed or re-ran, so the environment may differ.
    case earlierCellChanged
    /// A data file this cell read changed (or disappeared).
    case dataFileChanged(String)

    public var description: String {
        switch self {
        case .notCached: "not cached"
        case .cacheDamaged: "the cache record is damaged (checksum mismatch)"
        case .engineVersionChanged: "engine version changed"
        case .optionsChanged: "document options changed"
        case .sourceChanged: "source changed"
        case .earlierCellChanged: "an earlier cell changed"
        case .dataFileChanged(let path): "data file \(path) changed"
        }
    }
}
