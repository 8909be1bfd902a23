import Foundation

/// SPEC §5 number text: integers without a decimal point, otherwise up to 10 significant digits.
public enum NumberFormat {
    /// `12`, `0.3333333333`, `1e-08` → `1e-8`, `nan`, `inf`, `-inf`.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), Swift.abs(x) < 1e15 {
            return x == 0 ? "0" : String(Int64(x))
        }
        var text = String(format: "%.10g", x)
        // C writes at least two exponent digits (1e-08); drop the padding zeros.
        if let e = text.firstIndex(of: "e") {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            var sign = ""
            if let first = exponent.first, first == "+" || first == "-" {
                sign = first == "-" ? "-" : "+"
                exponent = exponent.dropFirst()
            }
            let digits = exponent.drop { $0 == "0" }
            text = "\(mantissa)e\(sign)\(digits.isEmpty ? "0" : String(digits))"
        }
        return text
    }
}
