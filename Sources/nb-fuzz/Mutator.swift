/// Byte-level mutations of one input, guided by a target's dictionary of tokens.
///
/// Each call stacks one to four mutations: bit flips, random (often control) bytes, deleted,
/// duplicated and moved spans, dictionary tokens, splices with another corpus input, long runs of
/// one token, and line-ending changes (CR, CRLF).
struct Mutator {
    var random: FuzzRandom
    let dictionary: [[UInt8]]
    let maximumLength: Int

    /// Bytes that stress text handling: NUL and C0 controls, CR, a lone continuation byte, a
    /// truncated UTF-8 sequence, and a BOM start.
    static let awkwardBytes: [UInt8] = [0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127, 0x80, 0xBF, 0xC3, 0xE4, 0xEF, 0xF0, 0xFF]

    mutating func mutate(_ input: [UInt8], other: [UInt8]) -> [UInt8] {
        var data = input
        for _ in 0...random.below(4) { mutateOnce(&data, other: other) }
        if data.count > maximumLength { data.removeSubrange(maximumLength...) }
        return data
    }

    private mutating func position(in data: [UInt8]) -> Int { random.below(data.count + 1) }

    private mutating func span(in data: [UInt8]) -> Range<Int> {
        let start = random.below(data.count + 1)
        let length = random.oneIn(4) ? random.below(data.count - start + 1) : random.below(min(16, data.count - start) + 1)
        return start..<(start + length)
    }

    private mutating func token() -> [UInt8] {
        dictionary.isEmpty ? [UInt8(ascii: "x")] : dictionary[random.below(dictionary.count)]
    }

    private mutating func mutateOnce(_ data: inout [UInt8], other: [UInt8]) {
        switch random.below(12) {
        case 0 where !data.isEmpty:
            data[random.below(data.count)] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where !data.isEmpty:
            data[random.below(data.count)] = random.oneIn(2) ? Self.awkwardBytes[random.below(Self.awkwardBytes.count)]
                                                             : UInt8(truncatingIfNeeded: random.next())
        case 2:
            data.insert(Self.awkwardBytes[random.below(Self.awkwardBytes.count)], at: position(in: data))
        case 3 where !data.isEmpty:
            data.removeSubrange(span(in: data))
        case 4 where !data.isEmpty:
            let piece = Array(data[span(in: data)])
            data.insert(contentsOf: piece, at: position(in: data))
        case 5, 6:
            data.insert(contentsOf: token(), at: position(in: data))
        case 7 where !other.isEmpty:
            // Splice: a prefix of this input and a suffix of the other.
            let cut = position(in: data)
            let from = random.below(other.count)
            data = Array(data[..<cut]) + Array(other[from...])
        case 8 where !other.isEmpty:
            let piece = Array(other[span(in: other)])
            data.insert(contentsOf: piece, at: position(in: data))
        case 9:
            // A long run of one token (deep nesting, long lines, many delimiters).
            let piece = random.oneIn(2) ? token() : [Self.awkwardBytes[random.below(Self.awkwardBytes.count)]]
            let times = [16, 100, 1_000, 5_000][random.below(4)]
            var run: [UInt8] = []
            run.reserveCapacity(piece.count * times)
            for _ in 0..<times { run.append(contentsOf: piece) }
            data.insert(contentsOf: run, at: position(in: data))
        case 10:
            // Line endings: every LF to CRLF, one LF to a lone CR, or CRLF back to LF.
            switch random.below(3) {
            case 0:
                var out: [UInt8] = []
                out.reserveCapacity(data.count + data.count / 16)
                for byte in data {
                    if byte == 10 { out.append(13) }
                    out.append(byte)
                }
                data = out
            case 1:
                if let index = data.indices.filter({ data[$0] == 10 }).randomElement(using: &random) { data[index] = 13 }
            default:
                data.removeAll { $0 == 13 }
            }
        default:
            // Replace a span by a token.
            let range = span(in: data)
            data.replaceSubrange(range, with: token())
        }
    }
}
