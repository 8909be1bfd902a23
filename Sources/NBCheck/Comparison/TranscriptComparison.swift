/// Compares an expected transcript (an `output` block) with the actual one, SPEC §6: line by line,
/// token by token; numbers within a tolerance, other text exactly after trimming trailing spaces.
public struct TranscriptComparison: Sendable, Equatable {
    /// One line of the report.
    public enum Line: Sendable, Equatable {
        /// The line matches.
        case same(String)
        /// Only in the expected text.
        case expected(String)
        /// Only in the actual text.
        case actual(String)
        /// The line exists on both sides but differs; `marks` are the character ranges (in
        /// `actual`, as column offsets) of the tokens that differ.
        case changed(expected: String, actual: String, marks: [Range<Int>])
    }

    public let matches: Bool
    public let lines: [Line]

    public init(expected: String, actual: String, tolerance: Tolerance = .default) {
        let e = Self.normalizedLines(expected)
        let a = Self.normalizedLines(actual)
        if e.count == a.count, zip(e, a).allSatisfy({ Self.lineMatches($0, $1, tolerance) }) {
            matches = true
            lines = a.map { .same($0) }
            return
        }
        var result: [Line] = []
        var ok = true
        // Align by longest common subsequence of "equivalent" lines so an inserted line does not
        // make every later line differ.
        let table = Self.lcsTable(e, a, tolerance)
        var i = 0, j = 0
        while i < e.count || j < a.count {
            if i < e.count, j < a.count, Self.lineMatches(e[i], a[j], tolerance) {
                result.append(.same(a[j])); i += 1; j += 1
            } else if i < e.count, j < a.count, table[i + 1][j + 1] == table[i][j],
                      table[i + 1][j] == table[i][j], table[i][j + 1] == table[i][j] {
                // Neither side can be skipped for free: report the pair as a changed line.
                result.append(.changed(expected: e[i], actual: a[j], marks: Self.marks(e[i], a[j], tolerance)))
                ok = false; i += 1; j += 1
            } else if j < a.count, i == e.count || table[i][j + 1] >= table[i + 1][j] {
                result.append(.actual(a[j])); ok = false; j += 1
            } else {
                result.append(.expected(e[i])); ok = false; i += 1
            }
        }
        matches = ok
        lines = result
    }

    /// A unified, readable diff: `-` expected, `+` actual, and a caret line under numbers or words
    /// that differ. Matching lines are shown as context.
    public var diff: String {
        var out: [String] = []
        for line in lines {
            switch line {
            case .same(let s): out.append("  " + s)
            case .expected(let s): out.append("- " + s)
            case .actual(let s): out.append("+ " + s)
            case .changed(let e, let a, let marks):
                out.append("- " + e)
                out.append("+ " + a)
                var caret = Array(repeating: Character(" "), count: a.count + 2)
                for m in marks {
                    for k in m where k + 2 < caret.count { caret[k + 2] = "^" }
                }
                let caretLine = String(caret)
                if caretLine.contains("^") { out.append(caretLine.replacingTrailingSpaces()) }
            }
        }
        return out.joined(separator: "\n")
    }

    static func normalizedLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = Substring(line)
            if s.hasSuffix("\r") { s = s.dropLast() }
            while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
            return String(s)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines
    }

    static func lineMatches(_ e: String, _ a: String, _ tolerance: Tolerance) -> Bool {
        if e == a { return true }
        let te = TranscriptToken.tokenize(Substring(e)), ta = TranscriptToken.tokenize(Substring(a))
        guard te.count == ta.count else { return false }
        return zip(te, ta).allSatisfy { tokensMatch($0, $1, tolerance) }
    }

    static func tokensMatch(_ e: TranscriptToken, _ a: TranscriptToken, _ tolerance: Tolerance) -> Bool {
        switch (e, a) {
        case (.space, .space): return true
        case let (.word(x), .word(y)): return x == y
        case let (.number(x, _), .number(y, _)): return tolerance.accepts(expected: x, actual: y)
        default: return false
        }
    }

    /// Column ranges (in `a`) of the tokens that differ from `e`, position by position.
    static func marks(_ e: String, _ a: String, _ tolerance: Tolerance) -> [Range<Int>] {
        let te = TranscriptToken.tokenize(Substring(e)), ta = TranscriptToken.tokenize(Substring(a))
        var ranges: [Range<Int>] = []
        var column = 0
        for (k, token) in ta.enumerated() {
            let width: Int
            switch token {
            case .space:
                // Recover the run length from the source line.
                let rest = a.dropFirst(column)
                width = rest.prefix { $0 == " " || $0 == "\t" }.count
            case .word(let s), .number(_, let s): width = s.count
            }
            if k >= te.count || !tokensMatch(te[k], token, tolerance) {
                if case .space = token {} else { ranges.append(column..<(column + width)) }
            }
            column += width
        }
        if ranges.isEmpty, te.count != ta.count { ranges.append(max(0, a.count - 1)..<max(1, a.count)) }
        return ranges
    }

    static func lcsTable(_ e: [String], _ a: [String], _ tolerance: Tolerance) -> [[Int]] {
        var table = Array(repeating: Array(repeating: 0, count: a.count + 1), count: e.count + 1)
        // Past a few million cells the alignment is not worth it: compare position by position.
        if e.isEmpty || a.isEmpty || e.count * a.count > 4_000_000 { return table }
        for i in stride(from: e.count - 1, through: 0, by: -1) {
            for j in stride(from: a.count - 1, through: 0, by: -1) {
                table[i][j] = lineMatches(e[i], a[j], tolerance)
                    ? table[i + 1][j + 1] + 1
                    : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
