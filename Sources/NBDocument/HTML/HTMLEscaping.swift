/// The one escaping function for every string that comes from a computation (SPEC §5).
///
/// The result is safe both as element text and inside a double- or single-quoted attribute value,
/// in HTML and in XML (inline SVG): `&`, `<`, `>`, `"` and `'` become character references, and C0
/// control characters and the non-characters U+FFFE/U+FFFF that XML forbids become U+FFFD, so the
/// output always parses — in pages, inline SVG, feeds, sitemaps and JUnit reports alike.
public enum HTMLEscaping {
    /// `text` escaped for HTML/XML text and attribute values.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsWork) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Whether a UTF-8 byte may need replacing (all such characters are ASCII).
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return false
        case 0xEF:  // may lead U+FFFE or U+FFFF
            return true
        default:
            return byte < 0x20
        }
    }
}
