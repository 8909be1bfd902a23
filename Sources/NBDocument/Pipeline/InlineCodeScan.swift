/// Finds the inline code of prose: `{nb}` code spans and `\nb{…}` in formulas.
enum InlineCodeScan {
    /// The marker that opens an inline expression's code span.
    static let marker = "{nb}"

    /// The code of a code span that is an inline expression or check, or nil for an ordinary code
    /// span. The span's text must be `{nb}`, white space and code (a bare `{nb}` is ordinary code,
    /// for writing about the marker), so a span
    /// whose text starts with a backtick (``` `` `{nb} x` `` ```) shows the syntax without running it.
    /// `skipped` counts the bytes of the marker and the white space after it.
    static func code(ofSpan literal: String) -> (kind: InlineCode.Kind, source: String, skipped: Int)? {
        guard literal.hasPrefix(marker) else { return nil }
        let rest = literal.utf8.dropFirst(marker.utf8.count)
        guard let first = rest.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D else { return nil }
        let leading = rest.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        let source = String(decoding: rest.dropFirst(leading), as: UTF8.self).trimmingSpaces
        guard !source.isEmpty else { return nil }
        let isCheck = source.hasPrefix("assert") && (source.utf8.count == 6 || {
            let next = source.utf8.dropFirst(6).first ?? 0
            return next == 0x20 || next == 0x09 || next == UInt8(ascii: "(")
        }())
        return (isCheck ? .check : .expression, source, marker.utf8.count + leading)
    }

    /// One `\nb{…}` in a formula's TeX: byte ranges of the whole command and of the code inside.
    struct MathValue: Equatable {
        var whole: Range<Int>
        var code: Range<Int>
    }

    /// The `\nb{…}` commands of `tex`, in order (braces inside the code must balance; a command
    /// whose braces do not close is left to the TeX converter, which reports it).
    static func mathValues(in tex: String) -> [MathValue] {
        let bytes = Array(tex.utf8)
        var found: [MathValue] = []
        var position = 0
        while position + 3 < bytes.count {
            guard bytes[position] == UInt8(ascii: "\\") else { position += 1; continue }
            // `\\` is a line break, not the start of a command.
            if bytes[position + 1] == UInt8(ascii: "\\") { position += 2; continue }
            guard bytes[position + 1] == UInt8(ascii: "n"), bytes[position + 2] == UInt8(ascii: "b"),
                  bytes[position + 3] == UInt8(ascii: "{") else { position += 1; continue }
            var depth = 1
            var cursor = position + 4
            while cursor < bytes.count, depth > 0 {
                if bytes[cursor] == UInt8(ascii: "{") { depth += 1 }
                if bytes[cursor] == UInt8(ascii: "}") { depth -= 1 }
                cursor += 1
            }
            guard depth == 0 else { break }
            found.append(MathValue(whole: position..<cursor, code: (position + 4)..<(cursor - 1)))
            position = cursor
        }
        return found
    }

    /// `tex` with each `\nb{…}` replaced by `{0}` padded with spaces to the same length, so the
    /// converter can check the rest of the formula with every byte offset unchanged.
    static func checkable(_ tex: String, _ values: [MathValue]) -> String {
        var bytes = Array(tex.utf8)
        for value in values {
            let length = value.whole.count
            var filler = Array("{0".utf8)
            filler += Array(repeating: 0x20, count: max(0, length - 3))
            filler.append(UInt8(ascii: "}"))
            bytes.replaceSubrange(value.whole, with: filler.prefix(length))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
