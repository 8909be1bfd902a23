import NBLanguage
import Testing

@Suite struct SyntaxHighlighterTests {
    typealias Span = SyntaxHighlighter.Span

    @Test func classesComeFromTheLexer() {
        let spans = SyntaxHighlighter.spans("for i in 1...3 { y = exp(2.5e-3) + \"s\" }  # done\n")
        #expect(spans.contains(Span(.keyword, "for")))
        #expect(spans.contains(Span(.keyword, "in")))
        #expect(spans.contains(Span(.number, "1")))
        #expect(spans.contains(Span(.operator, "...")))
        #expect(spans.contains(Span(.builtin, "exp")))
        #expect(spans.contains(Span(.number, "2.5e-3")))
        #expect(spans.contains(Span(.string, "\"s\"")))
        #expect(spans.contains(Span(.comment, "# done")))
        // A name that is not a builtin, and punctuation, are plain.
        #expect(spans.contains { $0.kind == nil && $0.text.contains("y") })
        #expect(!spans.contains { $0.kind != nil && $0.text.contains("{") })
    }

    @Test func spansCoverTheSourceExactly() {
        for source in ["", "x", "a = 1\n\n# c\nb = [1,\n  2]  # in brackets\n", "f(x) = x^2 -> 3 ..< 4 != 5",
                       "\"unterminated\nx = 2", "y = 2x + 1\nz = 3", "'single' + 1\n#", "\t  \r\n"] {
            let spans = SyntaxHighlighter.spans(source)
            #expect(spans.map(\.text).joined() == source, "\(source.debugDescription)")
            // Neighbouring spans of the same class are merged.
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.kind != $1.kind })
        }
    }

    @Test func aBadLineIsPlainAndTheNextIsHighlighted() {
        let spans = SyntaxHighlighter.spans("x = 'oops' + 1\ny = 42")
        #expect(spans.contains { $0.kind == nil && $0.text.contains("'oops' + 1\n") })
        #expect(!spans.contains(Span(.number, "1")))
        #expect(spans.contains(Span(.number, "42")))
    }

    @Test func aReboundBuiltinIsPlain() {
        let spans = SyntaxHighlighter.spans("pi = 0\npi = pi + cos(pi)")
        #expect(!spans.contains { $0.kind == .builtin && $0.text == "pi" })
        #expect(spans.contains(Span(.builtin, "cos")))
        #expect(SyntaxHighlighter.spans("pi == 3").contains(Span(.builtin, "pi")))
        // A field named like a builtin is plain.
        #expect(!SyntaxHighlighter.spans("run.accuracy").contains { $0.kind == .builtin })
    }

    @Test func manyBadLinesStayLinear() {
        let source = String(repeating: "'\n", count: 5_000)
        let spans = SyntaxHighlighter.spans(source)
        #expect(spans.map(\.text).joined() == source)
    }
}
