/// Estimated text widths for laying out SVG text without a font engine.
///
/// The estimates follow the advance widths of common sans-serif fonts (Helvetica, Arial, DejaVu
/// Sans) closely enough to keep labels from overlapping or leaving the viewBox.
enum TextMetrics {
    /// Estimated width of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(of: scalar) }
        return ems * fontSize
    }

    /// `text`, shortened with `…` if needed so that it fits in `available` at `fontSize`.
    static func fit(_ text: String, in available: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > available else { return text }
        let ellipsis = advance(of: "…") * fontSize
        var used = 0.0
        var kept = ""
        for character in text {
            let w = width(String(character), fontSize: fontSize)
            if used + w + ellipsis > available { break }
            used += w
            kept.append(character)
        }
        return kept + "…"
    }

    /// Splits `text` into at most `maxLines` lines no wider than `available`, breaking at spaces and
    /// between CJK characters; the last line is shortened with `…` if the text does not fit.
    static func wrap(_ text: String, in available: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var pieces = breakPieces(text)[...]
        while let piece = pieces.first, lines.count < maxLines - 1 {
            let candidate = current.isEmpty ? piece.text : current + (piece.spaced ? " " : "") + piece.text
            if width(candidate, fontSize: fontSize) <= available || current.isEmpty {
                current = candidate
                pieces.removeFirst()
            } else {
                lines.append(current)
                current = ""
            }
        }
        var rest = current
        for piece in pieces { rest += (rest.isEmpty || !piece.spaced ? "" : " ") + piece.text }
        if !rest.isEmpty { lines.append(rest) }
        return lines.map { fit($0, in: available, fontSize: fontSize) }
    }

    /// Words and single CJK characters, each with whether a space came before it.
    private static func breakPieces(_ text: String) -> [(text: String, spaced: Bool)] {
        var pieces: [(text: String, spaced: Bool)] = []
        var word = "", spaced = false, pendingSpace = false
        func flush() {
            if !word.isEmpty { pieces.append((word, spaced)); word = "" }
        }
        for character in text {
            if character == " " {
                flush()
                pendingSpace = true
            } else if character.unicodeScalars.first.map(isCJK) == true {
                flush()
                pieces.append((String(character), pendingSpace))
                pendingSpace = false
            } else {
                if word.isEmpty { spaced = pendingSpace; pendingSpace = false }
                word.append(character)
            }
        }
        flush()
        return pieces
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFF60: return true
        default: return false
        }
    }

    /// Advance width of one character in ems, after DejaVu Sans (wider than most sans-serif fonts,
    /// so the estimate errs on the side of room).
    private static func advance(of scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x20, 0x21, 0x27, 0x2C, 0x2E, 0x3A, 0x3B, 0x7C: return 0.34       // space ! ' , . : ; |
        case 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x5C: return 0.4        // brackets, slashes
        case 0x66, 0x69, 0x6A, 0x6C, 0x72, 0x74: return 0.38                   // f i j l r t
        case 0x6D, 0x77: return 0.98                                           // m w
        case 0x4D, 0x57: return 1.0                                            // M W
        case 0x41...0x5A: return 0.76                                          // other capitals
        case 0x30...0x39: return 0.64                                          // digits
        case 0x2070...0x209F, 0xB2, 0xB3, 0xB9: return 0.42                    // super-/subscripts
        case 0x2212, 0xD7, 0x2B, 0x3D, 0x3C, 0x3E, 0x2248: return 0.84         // − × + = < > ≈
        case _ where isCJK(scalar): return 1.0                                 // CJK, Hangul, fullwidth
        case 0x1F000...0x1FAFF: return 1.2                                     // emoji
        default: return 0.62
        }
    }
}
