/// One TeX macro: `\newcommand{\name}[parameters][defaultArgument]{body}` or `\def\name#1…{body}`.
struct MathMacro: Sendable, Equatable {
    /// How many arguments it takes (0–9).
    var parameters: Int
    /// The first argument's default when it is optional (`\newcommand{\x}[2][0]{…}`).
    var defaultArgument: String?
    /// The replacement text, with `#1` … `#9` for the arguments and `##` for a `#`.
    var body: String
}

/// The TeX macros in force: those of `site.yml`, then of the page's front matter, then the ones the
/// page's formulas define, in document order (see ``MathPageContext``).
///
/// Names are stored without the backslash. The table is bounded: past ``maximumBytes`` of
/// definitions a new one is refused with a diagnostic.
public struct MathMacros: Sendable, Equatable {
    static let maximumBytes = 1 << 20
    static let maximumParameters = 9

    private(set) var table: [String: MathMacro] = [:]
    private(set) var storedBytes = 0

    public init() {}

    /// Whether no macro is defined.
    public var isEmpty: Bool { table.isEmpty }

    /// The defined names (without backslash), sorted.
    public var names: [String] { table.keys.sorted() }

    subscript(name: String) -> MathMacro? { table[name] }

    /// Every definition as one deterministic text (for cache keys): what changes it changes pages.
    public var canonicalText: String {
        names.map { name in
            let macro = table[name]!
            return "\\\(name)[\(macro.parameters)]" + (macro.defaultArgument.map { "[\($0)]" } ?? "") + "{\(macro.body)}"
        }.joined(separator: "\n")
    }

    /// Defines `name` (with or without its backslash) as `body`. Without `parameters`, the macro
    /// takes as many arguments as the highest `#n` in the body. Returns why the definition was
    /// refused, or nil.
    @discardableResult
    public mutating func define(_ name: String, body: String, parameters: Int? = nil,
                                defaultArgument: String? = nil) -> String? {
        var name = name.trimmingSpaces
        if name.hasPrefix("\\") { name.removeFirst() }
        guard Self.isValidName(name) else {
            return "`\(name)` is not a macro name: use letters only (`RR` for \\RR) or one symbol"
        }
        let count = parameters ?? Self.highestParameter(in: body)
        guard (0...Self.maximumParameters).contains(count) else {
            return "a macro takes 0 to 9 arguments, not \(count)"
        }
        return define(name, MathMacro(parameters: count, defaultArgument: defaultArgument, body: body))
    }

    /// Stores a macro; nil, or why it was refused (the table is full).
    mutating func define(_ name: String, _ macro: MathMacro) -> String? {
        let size = name.utf8.count + macro.body.utf8.count + (macro.defaultArgument?.utf8.count ?? 0)
        let previous = table[name].map { name.utf8.count + $0.body.utf8.count + ($0.defaultArgument?.utf8.count ?? 0) } ?? 0
        guard storedBytes - previous + size <= Self.maximumBytes else {
            return "too many macro definitions (more than \(Self.maximumBytes / 1024) KiB); \\\(name) is not defined"
        }
        storedBytes += size - previous
        table[name] = macro
        return nil
    }

    /// These macros with `other`'s added, `other` winning where both define a name (a page's
    /// macros over the site's).
    public func overridden(by other: MathMacros) -> MathMacros {
        var merged = self
        for name in other.table.keys.sorted() {
            if let macro = other.table[name] { _ = merged.define(name, macro) }
        }
        return merged
    }

    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        if bytes.count == 1 { return !isWhitespace(bytes[0]) && bytes[0] != UInt8(ascii: "{") && bytes[0] != UInt8(ascii: "}") }
        return !bytes.isEmpty && bytes.count <= 100 && bytes.allSatisfy(isASCIILetter)
    }

    /// The highest `#n` in a body (`##` is an escaped `#`).
    static func highestParameter(in body: String) -> Int {
        var highest = 0
        var bytes = body.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "#"), let next = bytes.next() else { continue }
            if let digit = decimalDigit(next) { highest = max(highest, digit) }
        }
        return highest
    }
}
