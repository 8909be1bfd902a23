import Foundation

/// Text of tick labels: fixed decimals, a true minus sign, and powers of ten with Unicode
/// superscripts (`10⁻¹⁶`).
enum TickLabel {
    /// `value` with exactly `decimals` digits after the point; `−` (U+2212) for negatives, no `−0`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "−inf" : "inf") }
        let digits = min(max(decimals, 0), 20)
        var text = String(format: "%.\(digits)f", value)
        if text.hasPrefix("-") {
            text.removeFirst()
            // A value that rounds to zero prints without a sign.
            if text.contains(where: { $0 != "0" && $0 != "." }) { text = "−" + text }
        }
        return text
    }

    /// `10ⁿ` with a superscript exponent.
    static func powerOfTen(_ exponent: Int) -> String {
        "10" + superscript(exponent)
    }

    /// `n` written with Unicode superscript digits and minus.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = n < 0 ? "⁻" : ""
        for ch in String(n.magnitude) {
            if let d = ch.wholeNumberValue { out.append(digits[d]) }
        }
        return out
    }
}

extension TickLabel {
    /// A compact label for any finite value: up to 3 significant digits, exponent form when large
    /// or small (`1.5×10⁶`).
    static func general(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return fixed(value, decimals: 0) }
        let exponent = Int(floor(log10(abs(value))).clampedExponent)
        if (-3...4).contains(exponent) {
            return trimmed(fixed(value, decimals: max(0, 2 - exponent)))
        }
        let mantissa = PlotAxis.scaled(value, byPowerOfTen: -exponent)
        return trimmed(fixed(mantissa, decimals: 2)) + "×" + powerOfTen(exponent)
    }

    /// Drops trailing zeros after a decimal point (`2.50` → `2.5`, `3.00` → `3`).
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return String(t)
    }
}

extension Double {
    fileprivate var clampedExponent: Double { Swift.min(Swift.max(self, -330), 310) }
}
