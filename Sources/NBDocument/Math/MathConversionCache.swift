/// The conversions of a page's formulas that depend on nothing but their TeX, so that a formula
/// written again on the same page (`$x$`, `$\theta$` …) is converted once.
///
/// A conversion is kept only when the page's state could not change it or be changed by it: no
/// macro was expanded (expansion spends the page's budget and may define macros), no equation
/// number was taken and no label defined. Only a page's context keeps one: it leaves any `\eqref`
/// a marker for the page to resolve once all labels are known (``MathPageContext/defersReferences``).
/// ``MathML/convert(_:display:macros:)`` empties the cache when a formula changes the macros. Keys
/// are the TeX's bytes (not `String` equality, which would take canonically equivalent TeX for the
/// same). The cache is bounded; past its limits formulas are simply converted again.
struct MathConversionCache: Sendable, Equatable {
    /// Bytes of MathML the cache may hold.
    static let maximumBytes = 4 << 20

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

    subscript(key: Key) -> Entry? { entries[key] }

    mutating func store(_ entry: Entry, for key: Key) {
        let size = entry.mathML.utf8.count
        guard storedBytes + size <= Self.maximumBytes else { return }
        storedBytes += size
        entries[key] = entry
    }

    mutating func removeAll() {
        entries = [:]
        storedBytes = 0
    }

    /// A cache holds nothing a page's conversions can observe: contexts that differ only in what
    /// they have cached are equal.
    static func == (a: Self, b: Self) -> Bool { true }
}
