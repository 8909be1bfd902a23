import Foundation

/// `fmt`: a number as the text a sentence shows it in (for inline expressions in prose).
public enum FormatBuiltin {
    /// The styles `fmt(x, style:)` knows.
    static let styles = ["auto", "fixed", "scientific", "percent"]

    public static let all: [Builtin] = [
        Builtin("fmt", .values,
            summary: "A number (or a vector of at most 10) as text, for [computed values in prose](format.md#computed-values-in-prose).",
            parameters: [
                .positional("x", .numeric),
                .labelled("digits", .wholeNumber, shown: "the transcript's form", "significant digits (trailing zeros kept)"),
                .labelled("decimals", .wholeNumber, shown: "none", "a fixed number of decimals (not with `digits:`)"),
                .labelled("style", .string, default: "auto", "`\"auto\"`, `\"fixed\"`, `\"scientific\"` or `\"percent\"`"),
            ],
            discussion: """
            `style: "auto"` writes numbers from 0.001 to 10⁶ plainly and others as `5.6×10⁻⁹`; `"fixed"` \
            always plainly; `"scientific"` always as m×10ⁿ (3 significant digits unless told); \
            `"percent"` writes 100·x and `%` (1 decimal unless told). Without `digits:` or `decimals:`, \
            `"auto"` writes the transcript's form.
            """,
            examples: [
                BuiltinExample("fmt", #"""
                fmt(0.7333333, digits: 3)
                fmt(1629.054542578877, decimals: 2)
                fmt(5.6e-9, digits: 2)
                fmt(0.8966666667, style: "percent")
                fmt([0.25, 0.5], decimals: 1)
                """#, output: #"""
                "0.733"
                "1629.05"
                "5.6×10⁻⁹"
                "89.7%"
                "[0.2, 0.5]"
                """#),
            ]) { call throws(LanguageError) in
            let digits = try call.optionalInteger(label: "digits")
            let decimals = try call.optionalInteger(label: "decimals")
            let style = try call.string(label: "style")
            guard styles.contains(style) else {
                throw call.error("fmt style should be one of \(styles.joined(separator: ", ")), not \"\(style)\"")
            }
            if let digits, !(1...17).contains(digits) { throw call.error("fmt digits: should be 1…17, not \(digits)") }
            if let decimals, !(0...17).contains(decimals) { throw call.error("fmt decimals: should be 0…17, not \(decimals)") }
            if digits != nil, decimals != nil { throw call.error("fmt takes digits: or decimals:, not both") }
            let format = NumberStyle(style: style, digits: digits, decimals: decimals)
            switch call.positional[0] {
            case .number(let x):
                return .string(format.text(x))
            case .tensor(let tensor) where tensor.shape.count <= 1 && tensor.count <= InlineText.maximumElements:
                return .string("[" + tensor.scalars.map(format.text).joined(separator: ", ") + "]")
            default:
                throw call.error("fmt formats a number or a vector of at most \(InlineText.maximumElements) numbers, not a \(call.positional[0].typeName)")
            }
        },
    ]
}

/// How `fmt` writes one number.
///
/// - `auto`: `digits` significant digits (without `digits`, the transcript's form), written
///   plainly from 0.001 to 10⁶ and as `5.6×10⁻⁹` outside; `decimals` gives a fixed number of
///   decimals instead.
/// - `fixed`: plain decimals (`decimals`, or `digits` significant digits).
/// - `scientific`: always `m×10ⁿ` (`digits` significant digits, default 3).
/// - `percent`: 100·x followed by `%` (`decimals`, default 1, or `digits` significant digits).
struct NumberStyle {
    var style: String
    var digits: Int?
    var decimals: Int?

    func text(_ x: Double) -> String {
        guard x.isFinite else { return NumberFormat.format(x) }
        switch style {
        case "percent":
            return plain(100 * x, defaultDecimals: 1) + "%"
        case "scientific":
            return scientific(x, digits: digits ?? (decimals.map { $0 + 1 } ?? 3))
        case "fixed":
            return plain(x, defaultDecimals: nil)
        default:
            if decimals != nil { return plain(x, defaultDecimals: nil) }
            guard let digits else { return NumberFormat.format(x) }
            let magnitude = Swift.abs(x)
            if x == 0 || (magnitude >= 1e-3 && magnitude < 1e6) { return significant(x, digits: digits) }
            return scientific(x, digits: digits)
        }
    }

    /// Plain decimals: `decimals`, else `digits` significant digits, else `defaultDecimals`, else
    /// the transcript's form.
    private func plain(_ x: Double, defaultDecimals: Int?) -> String {
        if let decimals { return String(format: "%.*f", decimals, x) }
        if let digits { return significant(x, digits: digits) }
        if let defaultDecimals { return String(format: "%.*f", defaultDecimals, x) }
        return NumberFormat.format(x)
    }

    /// `digits` significant digits, written without an exponent (trailing zeros kept).
    private func significant(_ x: Double, digits: Int) -> String {
        guard x != 0 else { return digits > 1 ? "0." + String(repeating: "0", count: digits - 1) : "0" }
        let exponent = decimalExponent(x, digits: digits)
        return String(format: "%.*f", max(0, digits - 1 - exponent), x)
    }

    /// `m×10ⁿ` with `digits` significant digits in m (`5.6×10⁻⁹`); plain `m` when n is 0.
    private func scientific(_ x: Double, digits: Int) -> String {
        let written = String(format: "%.*e", max(0, digits - 1), x)
        guard let e = written.firstIndex(of: "e"), let exponent = Int(written[written.index(after: e)...]) else { return written }
        let mantissa = String(written[..<e])
        return exponent == 0 ? mantissa : mantissa + "×10" + NumberStyle.superscript(exponent)
    }

    /// The power of ten of `x` once rounded to `digits` significant digits.
    private func decimalExponent(_ x: Double, digits: Int) -> Int {
        let written = String(format: "%.*e", max(0, digits - 1), x)
        guard let e = written.firstIndex(of: "e") else { return 0 }
        return Int(written[written.index(after: e)...]) ?? 0
    }

    /// `n` in superscript digits (`⁻⁹`).
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(Swift.abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
    }
}
