import NBDocument
import Testing

@Suite struct MathTextTests {
    @Test func variablesItalicScriptsShifted() {
        let runs = MathText.runs("F(w_k) - F^\\star")
        #expect(runs.first == MathTextRun("F", italic: true))
        #expect(runs.contains(MathTextRun("w", italic: true)))
        // k is a subscript: lowered and smaller.
        let k = runs.first { $0.text == "k" }
        #expect(k?.italic == true && (k?.rise ?? 0) < 0 && (k?.scale ?? 1) < 1)
        // ⋆ is a superscript: raised.
        let star = runs.first { $0.text.contains("⋆") }
        #expect((star?.rise ?? 0) > 0)
        // The minus is a true minus with space around it.
        #expect(runs.contains { $0.text.hasSuffix(")\u{2009}−\u{2009}") && $0.rise == 0 })
    }

    @Test func numbersAndNamesUpright() {
        let runs = MathText.runs("\\log 10^{-8}")
        #expect(runs.first?.italic == false && runs.first?.text.hasPrefix("log") == true)
        #expect(runs.contains { $0.text == "−8" && $0.rise > 0 } || runs.contains { $0.text.contains("8") && $0.rise > 0 })
    }

    @Test func accentsCombine() {
        let runs = MathText.runs("\\hat{w}")
        #expect(runs.map(\.text).joined() == "w\u{302}")
    }

    @Test func malformedInputIsText() {
        _ = MathText.runs("\\frac{")
        _ = MathText.runs(String(repeating: "{", count: 500))
        #expect(MathText.runs("\\unknowncommand x").map(\.text).joined().contains("x"))
    }
}
