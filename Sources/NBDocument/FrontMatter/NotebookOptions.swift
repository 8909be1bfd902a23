/// Engine options from front matter `nb:` (SPEC §3).
public struct NotebookOptions: Sendable, Equatable {
    /// Seed for every random builtin.
    public var seed: UInt64?
    /// Default cell timeout in seconds.
    public var timeout: Double?
    /// Relative tolerance for comparing numbers in `output` blocks.
    public var rtol: Double?
    /// Absolute tolerance for comparing numbers in `output` blocks.
    public var atol: Double?
    /// Keep raw HTML and `javascript:` links (off by default).
    public var unsafeHTML: Bool
    /// TeX macros from `nb: macros:` (name → definition).
    public var macros: MathMacros

    public init(seed: UInt64? = nil, timeout: Double? = nil, rtol: Double? = nil, atol: Double? = nil,
                unsafeHTML: Bool = false, macros: MathMacros = MathMacros()) {
        self.macros = macros
        self.seed = seed
        self.timeout = timeout
        self.rtol = rtol
        self.atol = atol
        self.unsafeHTML = unsafeHTML
    }
}
