import NBDocument
import Foundation
import NBHash
import NBLanguage

/// A session's environment after one cell, in stored form: every value already encoded, so the
/// cache can deduplicate, hash and write it without knowing the cell language.
public struct EncodedEnvironment: Sendable, Equatable {
    /// Global names in slot order.
    public var names: [String]
    /// The encoded value of each name (nil: the name is known but unbound).
    public var values: [EncodedValue?]
    /// Names a failed cell left unbound, with that cell's location.
    public var failedNames: [String: TextLocation]
    /// The encoded random generator state.
    public var generator: Data

    public init(names: [String], values: [EncodedValue?], failedNames: [String: TextLocation], generator: Data) {
        self.names = names; self.values = values; self.failedNames = failedNames; self.generator = generator
    }
}

/// One encoded value and the SHA-256 of its bytes (the archive stores each distinct value once).
public struct EncodedValue: Sendable, Equatable {
    public var data: Data
    public var hash: String

    public init(data: Data, hash: String) { self.data = data; self.hash = hash }

    /// Bytes hashed now.
    public init(_ data: Data) { self.init(data: data, hash: SHA256.hex(data)) }
}

/// What a runner hands the cache after a cell: the environment, or the name that keeps it from
/// being stored.
public enum CapturedEnvironment: Sendable, Equatable {
    case stored(EncodedEnvironment)
    /// `name` holds a value that cannot be stored, for `reason`.
    case unstorable(name: String, reason: String)
}
