import Testing
@testable import NBCheck

struct TranscriptComparisonTests {
    @Test(arguments: [
        ("12", "12"),
        ("0.3333333333", "0.33333333330001"),        // within rtol 1e-6
        ("[[1, 2], [3, 4]]", "[[1, 2], [3, 4.0000000001]]"),
        ("6 + 2ε", "6 + 2.0000000001ε"),
        ("nan", "nan"),
        ("inf\n-inf", "inf\n-inf"),
        ("a   b", "a b"),                             // a run of spaces is one token
        ("x  |  1.5\n", "x  |  1.5   \n\n"),          // trailing spaces and blank lines trimmed
        ("f'(x) = 3*x^2 + 2", "f'(x) = 3*x^2 + 2"),
        ("1e-12", "0"),                               // atol 1e-9
    ])
    func matches(expected: String, actual: String) {
        let c = TranscriptComparison(expected: expected, actual: actual)
        #expect(c.matches, "\(c.diff)")
    }

    @Test(arguments: [
        ("12", "12.001"),                    // beyond rtol
        ("nan", "1"),
        ("1", "nan"),
        ("inf", "-inf"),
        ("hello", "hellO"),
        ("a b", "ab"),
        ("x1", "x2"),                        // a digit inside a word is text, compared exactly
        ("1\n2", "1\n2\n3"),
        ("true", "false"),
    ])
    func differs(expected: String, actual: String) {
        #expect(!TranscriptComparison(expected: expected, actual: actual).matches)
    }

    @Test func customTolerance() {
        let loose = Tolerance(rtol: 1e-2, atol: 0)
        #expect(TranscriptComparison(expected: "100", actual: "100.5", tolerance: loose).matches)
        #expect(!TranscriptComparison(expected: "100", actual: "102", tolerance: loose).matches)
    }

    @Test func diffMarksTheDifferingNumber() {
        let c = TranscriptComparison(expected: "value: 1.5 and 2", actual: "value: 1.5 and 2.5")
        #expect(!c.matches)
        #expect(c.diff == """
        - value: 1.5 and 2
        + value: 1.5 and 2.5
                         ^^^
        """)
    }

    @Test func insertedLineIsAlignedNotCascaded() {
        let c = TranscriptComparison(expected: "a\nb\nc", actual: "a\nX\nb\nc")
        #expect(c.lines == [.same("a"), .actual("X"), .same("b"), .same("c")])
    }

    @Test func tokenizerKeepsWordsWhole() {
        let t = TranscriptToken.tokenize("x1 = -2.5e-3ε")
        #expect(t == [.word("x1"), .space, .word("="), .space, .number(-2.5e-3, text: "-2.5e-3"), .word("ε")])
    }
}
