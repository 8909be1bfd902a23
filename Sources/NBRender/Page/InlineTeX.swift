/// The TeX of a value's text, for `\nb{…}` in a formula: numbers stay numbers (`1e-8` and
/// `5.6×10⁻⁹` become `1\times 10^{-8}` and `5.6\times 10^{-9}`, `%` becomes `\%`), words go in
/// `\text{…}`, and every TeX special character is escaped.
enum InlineTeX {
    static func tex(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var tex = ""
        var word = ""
        func flushWord() {
            if !word.isEmpty { tex += "\\text{" + escapedText(word) + "}"; word = "" }
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            // `×10⁻⁹` and `e-8` after a digit: a power of ten.
            if scalar == "×", index + 2 < scalars.count, scalars[index + 1] == "1", scalars[index + 2] == "0" {
                var exponent = ""
                var cursor = index + 3
                while cursor < scalars.count, let digit = superscriptValue(scalars[cursor]) { exponent += digit; cursor += 1 }
                if !exponent.isEmpty {
                    flushWord()
                    tex += "\\times 10^{\(exponent)}"
                    index = cursor
                    continue
                }
            }
            if scalar == "e", index > 0, isDigit(scalars[index - 1]), word.isEmpty {
                var cursor = index + 1
                var exponent = ""
                if cursor < scalars.count, scalars[cursor] == "-" || scalars[cursor] == "+" {
                    if scalars[cursor] == "-" { exponent = "-" }
                    cursor += 1
                }
                let start = cursor
                while cursor < scalars.count, isDigit(scalars[cursor]) { exponent.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                if cursor > start, cursor == scalars.count || !scalars[cursor].properties.isAlphabetic {
                    tex += "\\times 10^{\(exponent)}"
                    index = cursor
                    continue
                }
            }
            if scalar.properties.isAlphabetic, scalar != "ε" {
                word.unicodeScalars.append(scalar)
            } else if scalar == " ", !word.isEmpty, index + 1 < scalars.count, scalars[index + 1].properties.isAlphabetic {
                word += " "
            } else {
                flushWord()
                tex += escapedMath(scalar)
            }
            index += 1
        }
        flushWord()
        return tex
    }

    /// Text escaped for `\text{…}`.
    static func escapedText(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "%", "_": out += "\\" + String(scalar)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func escapedMath(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\\": return "\\backslash "
        case "{", "}", "$", "&", "#", "%", "_": return "\\" + String(scalar)
        case "^": return "\\hat{}"
        case "~": return "\\sim "
        case "ε": return "\\varepsilon "
        default: return String(scalar)
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func superscriptValue(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "⁻": "-"
        case "⁰": "0"
        case "¹": "1"
        case "²": "2"
        case "³": "3"
        case "⁴": "4"
        case "⁵": "5"
        case "⁶": "6"
        case "⁷": "7"
        case "⁸": "8"
        case "⁹": "9"
        default: nil
        }
    }
}
