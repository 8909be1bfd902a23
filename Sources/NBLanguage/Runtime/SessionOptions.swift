/// Per-document settings of a session (front matter `nb:` options and the notebook's location).
public struct SessionOptions: Sendable, Equatable {
    /// Seed of the session's random stream (`randn`, `rand` without `seed:`).
    public var seed: UInt64
    /// Default cell timeout in seconds (SPEC §4: 60 s).
    public var timeout: Double
    /// Default relative tolerance of `gradcheck` and `gradtable`.
    public var rtol: Double
    /// Default absolute tolerance of `gradcheck` and `gradtable`.
    public var atol: Double
    /// The notebook's folder: `load(...)` may read only inside it. Nil forbids reading files.
    public var rootDirectory: String?
    /// The largest tensor a cell may create, in elements.
    public var elementLimit: Int
    /// The deepest chain of nested user-function calls.
    public var recursionLimit: Int

    public init(seed: UInt64 = 0, timeout: Double = 60, rtol: Double = 1e-6, atol: Double = 1e-9,
                rootDirectory: String? = nil, elementLimit: Int = 10_000_000, recursionLimit: Int = 1_000) {
        self.seed = seed
        self.timeout = timeout
        self.rtol = rtol
        self.atol = atol
        self.rootDirectory = rootDirectory
        self.elementLimit = elementLimit
        self.recursionLimit = recursionLimit
    }
}
