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

extension TickLabel {
    /// `text` with each number written like a tick label (`best h = 5.623413252e-9` →
    /// `best h = 5.62×10⁻⁹`). A number glued to a letter (`x1`, `h2o`) is part of a name and kept.
    static func formattingNumbers(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && ("0"..."9").contains(scalars[k]) }
        while i < scalars.count {
            let previous: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let startsNumber = isDigit(i) && !(previous.map { $0.properties.isAlphabetic || $0 == "_" || $0 == "." || ("0"..."9").contains($0) } ?? false)
            guard startsNumber else { out.unicodeScalars.append(scalars[i]); i += 1; continue }
            var end = i
            while isDigit(end) { end += 1 }
            if end < scalars.count, scalars[end] == ".", isDigit(end + 1) {
                end += 1
                while isDigit(end) { end += 1 }
            }
            if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
                var k = end + 1
                if k < scalars.count, scalars[k] == "-" || scalars[k] == "+" { k += 1 }
                if isDigit(k) {
                    while isDigit(k) { k += 1 }
                    end = k
                }
            }
            var token = ""
            token.unicodeScalars.append(contentsOf: scalars[i..<end])
            let glued = end < scalars.count && (scalars[end].properties.isAlphabetic || scalars[end] == "_")
            if !glued, token.count <= 40, let value = Double(token) {
                out += general(value)
            } else {
                out += token
            }
            i = end
        }
        return out
    }
}
