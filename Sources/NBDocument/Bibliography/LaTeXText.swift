import Foundation

/// Turns the LaTeX found in BibTeX fields into plain Unicode text: accents (`{\"u}`, `\'e`,
/// `\'{e}`, `\c{c}`, `\v s`, …), special letters (`\ss`, `\o`, `\ae`, `\l`, `\i`, …), escaped
/// characters (`\&`, `\%`, `\_`, …), dashes (`--`, `---`), `~`, and case-protecting braces, which
/// are dropped. Unknown commands keep their argument and lose the backslash.
public enum LaTeXText {
    /// The plain-text form of `latex`, NFC-normalised, whitespace runs collapsed.
    public static func unicode(_ latex: String) -> String {
        var reader = Reader(Array(latex.unicodeScalars))
        let text = reader.group(until: nil)
        return collapseWhitespace(text).precomposedStringWithCanonicalMapping
    }

    /// Combining marks for the accent commands.
    static let accents: [String: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}",
        "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// Letter-like commands.
    static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textquoteright": "’",
        "textquoteleft": "‘", "LaTeX": "LaTeX", "TeX": "TeX", "copyright": "©", "S": "§", "P": "¶",
        "textregistered": "®", "texttrademark": "™", "euro": "€", "pounds": "£",
    ]

    private static func collapseWhitespace(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var depth = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }

        var current: Unicode.Scalar? { i < s.count ? s[i] : nil }

        /// Reads until the closing brace of the current group (or the end).
        mutating func group(until close: Unicode.Scalar?) -> String {
            var out = ""
            while let c = current {
                if c == close { i += 1; return out }
                switch c {
                case "{":
                    i += 1
                    depth += 1
                    guard depth < 200 else { return out }   // pathological nesting: stop, don't recurse forever
                    out += group(until: "}")
                    depth -= 1
                case "}":
                    i += 1   // stray closing brace: dropped
                case "\\":
                    i += 1
                    out += command()
                case "~":
                    i += 1; out += "\u{00A0}"
                case "-":
                    var run = 0
                    while current == "-" { run += 1; i += 1 }
                    out += run == 3 ? "—" : run == 2 ? "–" : String(repeating: "-", count: run)
                case "$":
                    i += 1   // inline math delimiters are dropped; the contents stay
                default:
                    out.unicodeScalars.append(c); i += 1
                }
            }
            return out
        }

        /// After a backslash.
        mutating func command() -> String {
            guard let c = current else { return "\\" }
            if let mark = LaTeXText.accents[String(c)], !c.properties.isAlphabetic {
                i += 1
                return accented(mark)
            }
            if !c.properties.isAlphabetic {
                i += 1
                switch c {
                case "\\": return " "
                case " ": return " "
                default: return String(c)   // \& \% \$ \_ \# \{ \}
                }
            }
            var name = ""
            while let l = current, l.properties.isAlphabetic, l.isASCII { name.unicodeScalars.append(l); i += 1 }
            if let mark = LaTeXText.accents[name], name.count == 1 {
                while current == " " { i += 1 }
                return accented(mark)
            }
            if let symbol = LaTeXText.symbols[name] {
                if current == " " { i += 1 } else if current == "{", i + 1 < s.count, s[i + 1] == "}" { i += 2 }
                return symbol
            }
            // Formatting commands such as \emph{…}, \textbf{…}, \url{…}: keep the argument.
            while current == " " { i += 1 }
            return ""
        }

        /// Applies a combining mark to the next character or braced group.
        mutating func accented(_ mark: Unicode.Scalar) -> String {
            var base: String
            if current == "{" {
                i += 1
                base = group(until: "}")
            } else if current == "\\" {
                i += 1
                base = command()
            } else if let c = current {
                i += 1
                base = String(c)
            } else {
                return String(mark)
            }
            // ı and ȷ take accents as i and j.
            if base == "ı" { base = "i" } else if base == "ȷ" { base = "j" }
            guard let first = base.unicodeScalars.first else { return String(mark) }
            var out = String(first)
            out.unicodeScalars.append(mark)
            out.unicodeScalars.append(contentsOf: base.unicodeScalars.dropFirst())
            return out
        }
    }
}
