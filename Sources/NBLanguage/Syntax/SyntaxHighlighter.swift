/// Splits a cell's source into highlighted spans with the language's own lexer, so what is
/// coloured as a keyword, number or string is exactly what the interpreter reads as one.
///
/// The spans cover the source exactly, in order (joining their texts gives the source back). A
/// line the lexer rejects is left plain from the bad character to its end, and lexing resumes on the
/// next line, so a cell with a typo is still highlighted around it.
public enum SyntaxHighlighter {
    /// A token class; the page styles each (`nb-tok-keyword`, …).
    public enum Kind: String, Sendable, CaseIterable {
        case keyword, number, string, comment, builtin, `operator`
    }

    /// A run of source text and its class (nil: plain — names, punctuation, spaces).
    public struct Span: Sendable, Equatable {
        public var kind: Kind?
        public var text: String
        public init(_ kind: Kind?, _ text: String) { self.kind = kind; self.text = text }
    }

    /// The builtin and constant names of the standard registry.
    public static let builtinNames: Set<String> = Set(BuiltinRegistry.standard.names)

    /// Lines the lexer may reject before the rest of the cell is left plain.
    static let maximumRestarts = 64

    /// The spans of `source`. Names in `builtins` are classed `builtin`.
    public static func spans(_ source: String, builtins: Set<String> = builtinNames) -> [Span] {
        let scalars = Array(source.unicodeScalars)
        var spans: [Span] = []
        func add(_ kind: Kind?, _ range: Range<Int>) {
            guard !range.isEmpty else { return }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[range])
            if let last = spans.last, last.kind == kind {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(kind, text))
            }
        }
        var base = 0  // offset of the current lexer's source in `scalars`
        var restarts = 0
        while base < scalars.count {
            // Each restart copies the rest of the source: past a few dozen bad lines, stay plain.
            if restarts == maximumRestarts { add(nil, base..<scalars.count); break }
            restarts += 1
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[base...])
            var lexer = Lexer(source: text)
            var done = base
            var afterDot = false
            do {
                while true {
                    let before = base + lexer.offset
                    let token = try lexer.next()
                    let end = base + lexer.offset
                    if token.kind == .end { addGap(before..<end, scalars, add); done = end; break }
                    let start = token.kind == .newline ? end - 1 : tokenStart(from: before, to: end, scalars)
                    addGap(before..<start, scalars, add)
                    // A name after `.` is a field (`run.accuracy`), not the builtin of that name.
                    add(afterDot ? nil : kind(of: token.kind, builtins: builtins), start..<end)
                    afterDot = token.kind == .symbol(.dot)
                    done = end
                }
                base = scalars.count
            } catch {
                // Plain from the rejected token to the end of its line; resume after the line break.
                let start = tokenStart(from: done, to: scalars.count, scalars)
                addGap(done..<start, scalars, add)
                var lineEnd = start
                while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
                add(nil, start..<lineEnd)
                base = lineEnd
            }
        }
        return unshadowing(spans)
    }

    /// Builtin names the cell assigns to (`pi = 0`, `e = 2`) are the cell's own variables there:
    /// plain everywhere in the cell.
    static func unshadowing(_ spans: [Span]) -> [Span] {
        var assigned = Set<String>()
        for (k, span) in spans.enumerated() where span.kind == .builtin {
            var next = k + 1
            while next < spans.count, spans[next].kind == nil, spans[next].text.allSatisfy({ $0 == " " || $0 == "\t" }) { next += 1 }
            if next < spans.count, spans[next].kind == .operator, spans[next].text.hasPrefix("="), !spans[next].text.hasPrefix("==") {
                assigned.insert(span.text)
            }
        }
        guard !assigned.isEmpty else { return spans }
        var result: [Span] = []
        for var span in spans {
            if span.kind == .builtin, assigned.contains(span.text) { span.kind = nil }
            if let last = result.last, last.kind == span.kind { result[result.count - 1].text += span.text } else { result.append(span) }
        }
        return result
    }

    private static func kind(of token: Token.Kind, builtins: Set<String>) -> Kind? {
        switch token {
        case .number: return .number
        case .string: return .string
        case .keyword: return .keyword
        case .identifier(let name): return builtins.contains(name) ? .builtin : nil
        case .symbol(let symbol):
            switch symbol {
            case .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
                 .comma, .colon, .semicolon, .dot:
                return nil
            default:
                return .operator
            }
        case .newline, .end: return nil
        }
    }

    /// The first scalar in `from..<to` that is not a space or inside a comment.
    private static func tokenStart(from: Int, to: Int, _ scalars: [Unicode.Scalar]) -> Int {
        var i = from
        while i < to {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" {
                i += 1
            } else if c == "#" {
                while i < to, scalars[i] != "\n" { i += 1 }
            } else {
                break
            }
        }
        return i
    }

    /// Spaces (plain) and comments (`#` to the end of the line) between tokens.
    private static func addGap(_ range: Range<Int>, _ scalars: [Unicode.Scalar], _ add: (Kind?, Range<Int>) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            if scalars[i] == "#" {
                var end = i
                while end < range.upperBound, scalars[end] != "\n" { end += 1 }
                add(.comment, i..<end)
                i = end
            } else {
                var end = i
                while end < range.upperBound, scalars[end] != "#" { end += 1 }
                add(nil, i..<end)
                i = end
            }
        }
    }
}
