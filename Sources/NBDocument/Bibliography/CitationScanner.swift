/// Finds pandoc-style citations in text: `[@id]` and `[@a; @b]`. Keys start with a letter, digit
/// or `_` and continue with letters, digits and `_ - : . / +` (a trailing `.` or `:` is not part
/// of the key). Anything else in brackets is left alone.
public enum CitationScanner {
    /// One bracketed citation group.
    public struct Match: Sendable, Equatable {
        /// The `[` … `]` span in the scanned text (as UTF-8 offsets).
        public var range: Range<Int>
        /// Cited keys in order.
        public var keys: [String]
    }

    /// All citation groups in `text`, in order.
    public static func scan(_ text: String) -> [Match] {
        let bytes = Array(text.utf8)
        var matches: [Match] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "@"),
               let (keys, end) = group(bytes, from: i + 1) {
                matches.append(Match(range: i..<end, keys: keys))
                i = end
            } else {
                i += 1
            }
        }
        return matches
    }

    /// Parses `@a; @b]` starting at the first `@`; returns the keys and the index after `]`.
    private static func group(_ b: [UInt8], from start: Int) -> ([String], Int)? {
        var keys: [String] = []
        var i = start
        while true {
            while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "@") else { return nil }
            i += 1
            let keyStart = i
            while i < b.count, isKeyByte(b[i]) { i += 1 }
            var keyEnd = i
            while keyEnd > keyStart, b[keyEnd - 1] == UInt8(ascii: ".") || b[keyEnd - 1] == UInt8(ascii: ":") { keyEnd -= 1 }
            guard keyEnd > keyStart else { return nil }
            keys.append(String(decoding: b[keyStart..<keyEnd], as: UTF8.self))
            while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: "]") { return (keys, i + 1) }
            guard b[i] == UInt8(ascii: ";") else { return nil }
            i += 1
        }
    }

    private static func isKeyByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "+"): true
        case 0x80...: true   // non-ASCII letters (UTF-8 bytes) in keys such as [@张2019]
        default: false
        }
    }
}
