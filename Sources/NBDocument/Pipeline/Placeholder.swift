/// A family of opaque markers that stand for something to be filled in later: a math span before
/// cmark parses the text, a computed value in prose HTML until its cell session has run.
///
/// A marker is the family's opening scalar, an index as hexadecimal digits spelled with
/// U+E010…U+E01F, then the closing scalar: private-use characters, which CommonMark treats as plain
/// letters (never emphasis, escape or link syntax) and HTML escaping leaves alone, so markers pass
/// through cmark and its HTML writer unchanged.
public struct Placeholder: Sendable, Equatable {
    /// The opening scalar; the closing one is the next code point. Both are in U+E000…U+E00F.
    let open: Unicode.Scalar

    static let digitBase: UInt32 = 0xE010

    /// Math cut out of the Markdown before cmark (U+E000 … U+E001).
    static let math = Placeholder(open: "\u{E000}")
    /// An inline expression or check in prose HTML (U+E002 … U+E003).
    public static let inlineCode = Placeholder(open: "\u{E002}")
    /// A formula with `\nb{…}` values in prose HTML (U+E004 … U+E005).
    public static let computedMath = Placeholder(open: "\u{E004}")

    /// The marker for `index`.
    public func marker(_ index: Int) -> String {
        // The UTF-8 written directly: every scalar a marker uses is in U+E000…U+E03F, which is
        // EE 80 (80 + value & 0x3F). The index's hexadecimal digits, most significant first.
        var digits = 1
        var rest = index >> 4
        while rest > 0 { digits += 1; rest >>= 4 }
        return String(unsafeUninitializedCapacity: 3 * (digits + 2)) { bytes in
            func put(_ scalar: UInt32, at slot: Int) {
                bytes[3 * slot] = 0xEE
                bytes[3 * slot + 1] = 0x80
                bytes[3 * slot + 2] = 0x80 | UInt8(scalar & 0x3F)
            }
            put(open.value, at: 0)
            for position in 0..<digits {
                let digit = (max(index, 0) >> (4 * (digits - 1 - position))) & 0xF
                put(Placeholder.digitBase + UInt32(digit), at: position + 1)
            }
            put(open.value + 1, at: digits + 1)
            return 3 * (digits + 2)
        }
    }

    /// `true` when `text` may hold a marker of any family (its UTF-8 contains the lead byte 0xEE).
    public static func mayOccur(in text: String) -> Bool {
        text.utf8Contains(0xEE)
    }

    /// How many opening scalars of this family `bytes` (UTF-8) holds: an upper bound on its markers.
    func openingCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let openByte = UInt8(0x80 + (open.value - 0xE000))
        var count = 0, offset = 0
        while let lead = bytes.firstOffset(of: 0xEE, from: offset) {
            if lead + 2 < bytes.count, bytes[lead + 1] == 0x80, bytes[lead + 2] == openByte { count += 1 }
            offset = lead + 1
        }
        return count
    }

    /// Replaces each marker of this family in `text` whose index is below `count` by
    /// `replacement(index)`. Text that only looks like a marker (an index out of range, a malformed
    /// sequence) is left as it is.
    ///
    /// Works on UTF-8 bytes: the opening scalar U+E00k is `EE 80 (80+k)`, digit d `EE 80 (90+d)`.
    public func substitute(in text: String, count: Int, _ replacement: (Int) -> String) -> String {
        guard Placeholder.mayOccur(in: text) else { return text }
        let openByte = UInt8(0x80 + (open.value - 0xE000))
        let closeByte = openByte + 1
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            var copied = 0
            var position = 0
            let total = bytes.count
            while position + 2 < total {
                guard bytes[position] == 0xEE, bytes[position + 1] == 0x80, bytes[position + 2] == openByte else {
                    position += 1
                    continue
                }
                var cursor = position + 3
                var index = 0
                var digits = 0
                var matched = false
                while cursor + 2 < total, digits <= 8, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80 {
                    let last = bytes[cursor + 2]
                    if last == closeByte {
                        matched = digits > 0 && index < count
                        break
                    }
                    guard last >= 0x90, last <= 0x9F else { break }
                    index = index * 16 + Int(last - 0x90)
                    digits += 1
                    cursor += 3
                }
                guard matched else {
                    position += 3
                    continue
                }
                if output.isEmpty { output.reserveCapacity(total * 2) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<position]))
                var replaced = replacement(index)
                replaced.withUTF8 { output.append(contentsOf: $0) }
                position = cursor + 3
                copied = position
            }
            guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<total]))
            return String(decoding: output, as: UTF8.self)
        }
    }
}
