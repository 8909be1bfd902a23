/// What a page's formulas share, converted in document order: the macros in force, what is left of
/// the page's macro-expansion budget (so that a page of many formulas, each expanding a recursive
/// macro to its limit, still converts in bounded time), the equation counter and the labels seen.
public struct MathPageContext: Sendable, Equatable {
    /// Macro calls a whole page may expand.
    static let pageBudget = 200_000

    public var macros: MathMacros
    var remainingExpansions = MathPageContext.pageBudget
    /// Tokens the page's macro expansion may still read (arguments re-read by nested calls count).
    var remainingWork = 20_000_000
    /// The last equation number given on the page.
    var equationNumber = 0
    /// `\label` anchors (without the `eq-` prefix) and the number shown for each.
    var labels: [String: String] = [:]
    /// Whether `\eqref` to a label not seen yet stays a marker for ``resolvingReferences(in:)``
    /// (a page resolves them once every formula is converted); otherwise it shows `(??)`.
    var defersReferences = false
    /// Conversions of formulas that depend on their TeX alone (see ``MathConversionCache``); kept
    /// only in a page's context, the one that defers references.
    var conversions = MathConversionCache()

    public init(_ macros: MathMacros = MathMacros()) {
        self.macros = macros
    }

    /// The anchor name for a label: letters, digits and `-_.:` kept, anything else `-`.
    static func anchor(_ label: String) -> String {
        let kept = label.trimmingSpaces.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let allowed = (value < 0x80 && (isASCIILetter(UInt8(value)) || decimalDigit(UInt8(value)) != nil))
                || scalar == "-" || scalar == "_" || scalar == "." || scalar == ":"
            return allowed ? Character(scalar) : "-"
        }
        return String(kept.prefix(100))
    }

    /// The marker an `\eqref`/`\ref` leaves in MathML until its number is known.
    static func referenceMarker(_ anchor: String, parenthesized: Bool) -> String {
        "\u{E010}" + (parenthesized ? "(" : "") + anchor + "\u{E011}"
    }

    /// `mathML` with every reference marker replaced by its number (`(3)` or `3`), `(??)` when the
    /// label is not on the page.
    func resolvingReferences(in mathML: String) -> String {
        var missing: [String] = []
        return resolvingReferences(in: mathML, missing: &missing)
    }

    /// ``resolvingReferences(in:)``, listing in `missing` the labels not on the page.
    func resolvingReferences(in mathML: String, missing: inout [String]) -> String {
        guard mathML.utf8Contains("\u{E010}") else { return mathML }
        var result = ""
        var rest = Substring(mathML)
        while let open = rest.firstIndex(of: "\u{E010}") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "\u{E011}") else {
                rest = rest[afterOpen...]
                continue
            }
            var name = rest[afterOpen..<close]
            let parenthesized = name.hasPrefix("(")
            if parenthesized { name = name.dropFirst() }
            let number = labels[String(name)] ?? "??"
            if labels[String(name)] == nil { missing.append(String(name)) }
            result += parenthesized ? "(" + number + ")" : number
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
