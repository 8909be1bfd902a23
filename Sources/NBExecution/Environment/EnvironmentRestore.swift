/// How the environment for the first cell that had to run was obtained (`--explain`).
public enum EnvironmentRestore: Sendable, Equatable {
    /// No earlier cell: the first cell to run is the document's first cell (or nothing ran).
    case notNeeded
    /// The stored environment after cell `afterCell` (0-based) was put back; no earlier cell ran.
    case restored(afterCell: Int)
    /// Cells in the range (0-based) were executed again, their output discarded, because of
    /// `reason`; when the range does not start at 0, the environment stored before it was restored.
    case replayed(ClosedRange<Int>, reason: ReplayReason)
}

/// Why earlier cells had to be replayed instead of restoring their stored environment.
public enum ReplayReason: Sendable, Equatable, CustomStringConvertible {
    /// No usable stored environment (none yet, or from another run).
    case noStoredEnvironment
    /// The stored environments failed their checksum (the file was changed or cut short).
    case damagedEnvironment
    /// Cell `cell` (0-based) bound `name` to a value that cannot be stored.
    case unstorable(cell: Int, name: String, reason: String)
    /// The runner keeps no environment it could store (a test double).
    case runnerCannotStore

    public var description: String {
        switch self {
        case .noStoredEnvironment: "no usable stored environment"
        case .damagedEnvironment: "the stored environment is damaged (checksum mismatch)"
        case .unstorable(let cell, let name, let reason): "cell \(cell + 1) bound '\(name)', which cannot be stored: \(reason)"
        case .runnerCannotStore: "this runner cannot store environments"
        }
    }
}
