import Foundation

/// The §5 text form of a number: up to 10 significant digits, integers without a decimal point,
/// `nan`, `inf`, `-inf`; exponents without `+` or leading zeros (`1e20`, `1e-7`).
public enum NumberFormatting {
    /// Formats `value` deterministically (independent of locale).
    public static func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), Swift.abs(value) < 1e15 {
            return String(Int64(value))
        }
        let raw = String(format: "%.10g", value)
        guard let e = raw.firstIndex(of: "e") else { return raw }
        let mantissa = raw[..<e]
        var exponent = raw[raw.index(after: e)...]
        var sign = ""
        if exponent.first == "+" || exponent.first == "-" {
            if exponent.first == "-" { sign = "-" }
            exponent = exponent.dropFirst()
        }
        while exponent.count > 1, exponent.first == "0" { exponent = exponent.dropFirst() }
        return "\(mantissa)e\(sign)\(exponent)"
    }
}
