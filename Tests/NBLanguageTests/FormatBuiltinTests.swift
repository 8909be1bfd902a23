import Testing
@testable import NBLanguage

/// `fmt`: numbers as a sentence writes them (issue 17).
@Suite struct FormatBuiltinTests {
    @Test(arguments: [
        ("fmt(0.7333333)", "\"0.7333333\""),
        ("fmt(0.7333333, digits: 3)", "\"0.733\""),
        ("fmt(0.5, digits: 3)", "\"0.500\""),
        ("fmt(1629.054542578877, decimals: 2)", "\"1629.05\""),
        ("fmt(5.6e-9, digits: 2)", "\"5.6×10⁻⁹\""),
        ("fmt(123456789, digits: 3)", "\"1.23×10⁸\""),
        ("fmt(0.8966666667, style: \"percent\")", "\"89.7%\""),
        ("fmt(0.8966666667, style: \"percent\", decimals: 2)", "\"89.67%\""),
        ("fmt(0.25, style: \"scientific\")", "\"2.50×10⁻¹\""),
        ("fmt(-0.000123, digits: 2)", "\"-1.2×10⁻⁴\""),
        ("fmt([0.25, 0.5], decimals: 1)", "\"[0.2, 0.5]\""),
        ("fmt(0, digits: 2)", "\"0.0\""),
    ])
    func formats(cell: String, expected: String) {
        #expect(transcript(cell) == expected)
    }

    @Test(arguments: [
        ("fmt(1, digits: 0)", "digits: should be 1…17"),
        ("fmt(1, style: \"roman\")", "fmt style should be one of"),
        ("fmt(1, digits: 2, decimals: 2)", "not both"),
        ("fmt(\"x\")", "fmt: x must be a number"),
        ("fmt([[1, 2], [3, 4]])", "fmt formats a number"),
    ])
    func rejects(cell: String, phrase: String) {
        #expect(errorMessage(cell)?.contains(phrase) == true, "\(errorMessage(cell) ?? "no error")")
    }

    @Test func inlineTextOfValues() throws {
        let session = Session()
        _ = session.run(cell: "t = [1, 2, 3]\ns = \"<b>\"")
        #expect(session.run(inline: "t").items == [.value("[1, 2, 3]")])
        #expect(session.run(inline: "s").items == [.value("<b>")])
        #expect(session.run(inline: "fmt(1/3, digits: 2)").items == [.value("0.33")])
        #expect(session.run(inline: "x -> x").error?.message == "a function is not shown in a sentence")
        #expect(session.run(inline: "").error?.message == "empty inline code")
        #expect(session.run(inline: "1; 2").error?.message == "inline code is one expression, not several statements")
        let check = session.run(inline: "assert t[0] == 1")
        #expect(check.error == nil && check.checks.map(\.passed) == [true])
    }
}
