/// One precision per numeric table column: every decimal in the column is written with the same
/// number of digits after the point (the most any cell has), so that with tabular figures and right
/// alignment the points line up. A shorter cell is padded with zeros as far as the column's
/// precision (the most significant digits any cell shows: `2.48168907` next to `0.1931471806` is
/// `2.481689070`, ten significant digits) and with figure spaces beyond it, so no digit is shown
/// that the value did not have; exponent forms (`1.95e-11`) are written like the
/// plots' tick labels (`1.95×10⁻¹¹`) with one mantissa precision; minus signs are true minus signs.
/// Placeholders (`—`, `n/a`), `nan` and `inf` are kept as they are.
enum NumericColumn {
    /// A number cell split into its parts.
    struct Parts: Equatable {
        var negative: Bool
        var integer: Substring
        var fraction: Substring
        /// The power of ten, when written in exponent form.
        var exponent: Int?

        /// Digits from the first non-zero one (`0.0125` has 3, `120` has 3, `2.50` has 3).
        var significantDigits: Int {
            let digits = (integer + fraction).drop { $0 == "0" }
            return max(digits.count, 1)
        }

        /// Digits after the point that `precision` significant digits reach.
        func fractionDigitsWithin(_ precision: Int) -> Int {
            let whole = integer.drop { $0 == "0" }.count
            if whole > 0 { return max(0, precision - whole) }
            return fraction.prefix { $0 == "0" }.count + precision
        }
    }

    /// The cells of one column, formatted.
    static func format(_ cells: [String]) -> [String] {
        let parts = cells.map(parse)
        let decimals = parts.compactMap { $0?.exponent == nil ? $0?.fraction.count : nil }.max() ?? 0
        let mantissaDecimals = parts.compactMap { $0?.exponent != nil ? $0?.fraction.count : nil }.max() ?? 0
        let precision = parts.compactMap { $0?.significantDigits }.max() ?? 0
        return zip(cells, parts).map { cell, parts in
            guard let parts else { return cell }
            let places = parts.exponent == nil ? decimals : mantissaDecimals
            var text = parts.negative ? "−" : ""
            text += parts.integer
            if places > 0 {
                let zeros = max(0, min(places, parts.fractionDigitsWithin(precision)) - parts.fraction.count)
                let blanks = places - parts.fraction.count - zeros
                text += (parts.fraction.isEmpty && zeros == 0 ? "\u{2008}" : ".") + parts.fraction
                    + String(repeating: "0", count: zeros) + String(repeating: "\u{2007}", count: blanks)
            }
            if let exponent = parts.exponent { text += "×" + TickLabel.powerOfTen(exponent) }
            return text
        }
    }

    /// `-12.5`, `3`, `1.95e-11`, `−2E+3` split into parts; nil for anything else (including
    /// `nan`, `inf` and more than 40 digits, which are shown as they are).
    static func parse(_ cell: String) -> Parts? {
        var text = Substring(cell.trimmingSpaces())
        guard !text.isEmpty, text.utf8.count <= 40 else { return nil }
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("−") { negative = true; text = text.dropFirst() }
        var exponent: Int?
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(text[text.index(after: e)...]), abs(value) < 1000 else { return nil }
            exponent = value
            text = text[..<e]
        }
        let point = text.firstIndex(of: ".")
        let integer = point.map { text[..<$0] } ?? text
        let fraction = point.map { text[text.index(after: $0)...] } ?? ""
        guard !integer.isEmpty, integer.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              point == nil || !fraction.isEmpty else { return nil }
        return Parts(negative: negative, integer: integer, fraction: fraction, exponent: exponent)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
