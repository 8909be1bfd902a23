/// The alphabet letters and digits are drawn from: TeX's `\mathbf`, `\mathcal` …
///
/// MathML Core only honours `mathvariant="normal"`, so styled letters are mapped to the Unicode
/// Mathematical Alphanumeric Symbols (𝐱, ℝ, 𝒜), as Temml and MathJax's MathML output do.
enum MathFont: Sendable, Equatable {
    /// TeX's default: Latin and lowercase Greek letters italic, capital Greek upright.
    case automatic
    case upright
    case italic
    case bold
    case boldItalic
    case script
    case fraktur
    case doubleStruck
    case sansSerif
    case monospace

    /// The identifier text for `scalar` in this font, and whether it needs `mathvariant="normal"`.
    func identifier(_ scalar: Unicode.Scalar) -> (text: String, upright: Bool) {
        let value = scalar.value
        let isLatin = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        let isGreek = (0x391...0x3A9).contains(value) || (0x3B1...0x3C9).contains(value)
            || MathFont.greekVariants.contains(scalar) || scalar == "∇"
        let isCapitalGreek = (0x391...0x3A9).contains(value)
        switch self {
        case .automatic:
            return (String(Character(scalar)), isCapitalGreek)
        case .upright:
            return (String(Character(scalar)), isLatin || isGreek)
        case .italic:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D434, smallBase: 0x1D44E), false) }
            if isGreek { return (MathFont.greek(scalar, blockBase: 0x1D6E2), false) }
        case .bold:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D400, smallBase: 0x1D41A), false) }
            if isGreek { return (MathFont.greek(scalar, blockBase: 0x1D6A8), false) }
        case .boldItalic:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D468, smallBase: 0x1D482), false) }
            if isGreek { return (MathFont.greek(scalar, blockBase: 0x1D71C), false) }
        case .script:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D49C, smallBase: 0x1D4B6), false) }
        case .fraktur:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D504, smallBase: 0x1D51E), false) }
        case .doubleStruck:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D538, smallBase: 0x1D552), false) }
        case .sansSerif:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D5A0, smallBase: 0x1D5BA), false) }
        case .monospace:
            if isLatin { return (MathFont.latin(scalar, capitalBase: 0x1D670, smallBase: 0x1D68A), false) }
        }
        return (String(Character(scalar)), isLatin || isCapitalGreek)
    }

    /// The digits of a number in this font.
    func number(_ digits: String) -> String {
        let base: UInt32
        switch self {
        case .bold, .boldItalic: base = 0x1D7CE
        case .doubleStruck: base = 0x1D7D8
        case .sansSerif: base = 0x1D7E2
        case .monospace: base = 0x1D7F6
        default: return digits
        }
        var result = ""
        for scalar in digits.unicodeScalars {
            if (0x30...0x39).contains(scalar.value), let mapped = Unicode.Scalar(base + scalar.value - 0x30) {
                result.unicodeScalars.append(mapped)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Letters that Unicode encodes outside the Mathematical Alphanumeric block (its "holes").
    private static let letterlikeExceptions: [UInt32: UInt32] = [
        0x1D455: 0x210E,  // italic h
        0x1D49D: 0x212C, 0x1D4A0: 0x2130, 0x1D4A1: 0x2131, 0x1D4A3: 0x210B, 0x1D4A4: 0x2110, 0x1D4A7: 0x2112,
        0x1D4A8: 0x2133, 0x1D4AD: 0x211B, 0x1D4BA: 0x212F, 0x1D4BC: 0x210A, 0x1D4C4: 0x2134,  // script
        0x1D506: 0x212D, 0x1D50B: 0x210C, 0x1D50C: 0x2111, 0x1D515: 0x211C, 0x1D51D: 0x2128,  // fraktur
        0x1D53A: 0x2102, 0x1D53F: 0x210D, 0x1D545: 0x2115, 0x1D547: 0x2119, 0x1D548: 0x211A, 0x1D549: 0x211D,
        0x1D551: 0x2124,  // double-struck
    ]

    private static let greekVariants: [Unicode.Scalar] = ["∂", "ϵ", "ϑ", "ϰ", "ϕ", "ϱ", "ϖ"]

    private static func latin(_ scalar: Unicode.Scalar, capitalBase: UInt32, smallBase: UInt32) -> String {
        let value = scalar.value
        var mapped = value <= 0x5A ? capitalBase + value - 0x41 : smallBase + value - 0x61
        if let exception = letterlikeExceptions[mapped] { mapped = exception }
        return String(Character(Unicode.Scalar(mapped) ?? scalar))
    }

    /// Greek blocks: 25 capitals (with ϴ in the gap at U+03A2), ∇, 25 small letters, then ∂ ϵ ϑ ϰ ϕ ϱ ϖ.
    private static func greek(_ scalar: Unicode.Scalar, blockBase: UInt32) -> String {
        let value = scalar.value
        let mapped: UInt32
        if (0x391...0x3A9).contains(value) {
            mapped = blockBase + value - 0x391
        } else if (0x3B1...0x3C9).contains(value) {
            mapped = blockBase + 26 + value - 0x3B1
        } else if scalar == "∇" {
            mapped = blockBase + 25
        } else if let index = greekVariants.firstIndex(of: scalar) {
            mapped = blockBase + 51 + UInt32(index)
        } else {
            return String(Character(scalar))
        }
        return String(Character(Unicode.Scalar(mapped) ?? scalar))
    }
}
