/// A piece of a text transcript as `nb test` compares it: numbers are compared with a tolerance,
/// words exactly, and a run of spaces only as "some space" (so a table whose columns widen when a
/// number gains a digit still matches).
public enum TranscriptToken: Sendable, Equatable {
    case number(Double, text: Substring)
    case word(Substring)
    case space

    /// Splits one line into tokens. Recognises decimal numbers with optional sign, fraction and
    /// exponent, and the words `nan`, `inf`, `-inf` as numbers.
    public static func tokenize(_ line: Substring) -> [TranscriptToken] {
        var tokens: [TranscriptToken] = []
        let scalars = Array(line.unicodeScalars)
        let indices = Array(line.unicodeScalars.indices) + [line.endIndex]
        var i = 0
        var wordStart: Int? = nil
        func flushWord(_ end: Int) {
            if let start = wordStart, start < end { tokens.append(.word(line[indices[start]..<indices[end]])) }
            wordStart = nil
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" {
                flushWord(i)
                while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
                tokens.append(.space)
                continue
            }
            if let end = numberEnd(scalars, from: i, previous: i > 0 ? scalars[i - 1] : nil) {
                flushWord(i)
                let text = line[indices[i]..<indices[end]]
                tokens.append(.number(parse(text), text: text))
                i = end
                continue
            }
            if wordStart == nil { wordStart = i }
            i += 1
        }
        flushWord(scalars.count)
        return tokens
    }

    private static func parse(_ text: Substring) -> Double {
        switch text {
        case "nan", "-nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(text) ?? .nan
        }
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || c == "_" }

    /// The end of a number starting at `start`, or nil. A number does not start inside a word
    /// (`x1` is one word) and does not run into letters (`1st` is a word).
    private static func numberEnd(_ s: [Unicode.Scalar], from start: Int, previous: Unicode.Scalar?) -> Int? {
        if let p = previous, isLetter(p) || isDigit(p) || p == "." { return nil }
        var i = start
        if s[i] == "-" || s[i] == "+" { i += 1 }
        // nan / inf
        for word in ["nan", "inf"] {
            let w = Array(word.unicodeScalars)
            if i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w,
               i + w.count == s.count || !isLetter(s[i + w.count]) {
                return i + w.count
            }
        }
        let mantissaStart = i
        while i < s.count, isDigit(s[i]) { i += 1 }
        var digits = i - mantissaStart
        if i < s.count, s[i] == ".", i + 1 < s.count, isDigit(s[i + 1]) {
            i += 1
            let fractionStart = i
            while i < s.count, isDigit(s[i]) { i += 1 }
            digits += i - fractionStart
        }
        guard digits > 0 else { return nil }
        if i < s.count, s[i] == "e" || s[i] == "E" {
            var j = i + 1
            if j < s.count, s[j] == "-" || s[j] == "+" { j += 1 }
            let expStart = j
            while j < s.count, isDigit(s[j]) { j += 1 }
            if j > expStart { i = j }
        }
        if i < s.count, isLetter(s[i]), s[i] != "ε" { return nil }
        return i
    }
}
