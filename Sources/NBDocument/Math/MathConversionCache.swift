/// The conversions of a page's formulas that depend on nothing but their TeX, so that a formula
/// written again on the same page (`$x$`, `$\theta$` …) is converted once.
///
/// A conversion is kept only when the page's state could not change it or be changed by it: no
/// macro was expanded (expansion spends the page's budget and may define macros), no equation
/// number was taken and no label defined. Only a page's context keeps one: it leaves any `\eqref`
/// a marker for the page to resolve once all labels are known (``MathPageContext/defersReferences``).
/// Entries hold for the macros they were made under: when the macros change, the cache is emptied
/// (comparing the macros is a pointer check while they stay the same). Keys
/// are the TeX's bytes (not `String` equality, which would take canonically equivalent TeX for the
/// same). The cache is bounded, and keeps only short formulas; others are simply converted again.
struct MathConversionCache: Sendable, Equatable {
    /// Bytes of MathML the cache may hold.
    static let maximumBytes = 4 << 20
    /// The longest TeX kept: short formulas are the ones a page repeats.
    static let maximumTeXBytes = 24

    struct Key: Hashable, Sendable {
        var tex: String
        var display: Bool

        static func == (a: Key, b: Key) -> Bool {
            a.display == b.display && a.tex.withUTF8Bytes { left in
                b.tex.withUTF8Bytes { right in left.elementsEqual(right) }
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(display)
            tex.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    struct Entry: Sendable {
        var mathML: String
        /// Spans in the TeX, not yet located.
        var diagnostics: [Diagnostic]
    }

    private var entries: [Key: Entry] = [:]
    private var storedBytes = 0
    /// The macros in force when the entries were made.
    private var macros = MathMacros()

    /// The conversion of `key` made under `macros`, if one is kept.
    func entry(for key: Key, under macros: MathMacros) -> Entry? {
        guard !entries.isEmpty, macros == self.macros else { return nil }
        return entries[key]
    }

    /// Keeps `entry` for `key`; entries made under other macros are dropped.
    mutating func store(_ entry: Entry, for key: Key, under macros: MathMacros) {
        if macros != self.macros {
            entries = [:]
            storedBytes = 0
        }
        // Equal macros in another table (a definition repeated as it was) are adopted too, so that
        // the next comparisons are pointer checks again.
        self.macros = macros
        let size = entry.mathML.utf8.count
        guard storedBytes + size <= Self.maximumBytes else { return }
        storedBytes += size
        entries[key] = entry
    }

    /// A cache holds nothing a page's conversions can observe: contexts that differ only in what
    /// they have cached are equal.
    static func == (a: Self, b: Self) -> Bool { true }
}
