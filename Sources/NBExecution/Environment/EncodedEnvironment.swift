import Foundation
import NBLanguage

/// A session's environment after one cell, in stored form: every value already encoded, so the
/// cache can deduplicate, hash and write it without knowing the cell language.
public struct EncodedEnvironment: Sendable, Equatable {
    /// Global names in slot order.
    public var names: [String]
    /// The encoded value of each name (nil: the name is known but unbound).
    public var values: [Data?]
    /// Names a failed cell left unbound, with that cell's location.
    public var failedNames: [String: SourceLocation]
    /// The encoded random generator state.
    public var generator: Data

    public init(names: [String], values: [Data?], failedNames: [String: SourceLocation], generator: Data) {
        self.names = names; self.values = values; self.failedNames = failedNames; self.generator = generator
    }
}

/// What a runner hands the cache after a cell: the environment, or the name that keeps it from
/// being stored.
public enum CapturedEnvironment: Sendable, Equatable {
    case stored(EncodedEnvironment)
    /// `name` holds a value that cannot be stored, for `reason`.
    case unstorable(name: String, reason: String)
}
