import Testing
@testable import NBDocument

/// How much TeX renders: the 300 commands documents use most must all render, and at least 95% of
/// the commands of KaTeX's support table (cases in ``MathCoverageCases``). A case passes when its
/// example converts with no `<merror>` and no warning. The figures are printed for the record.
struct MathCoverageTests {
    static func renders(_ example: String) -> Bool {
        let (mathML, diagnostics) = MathML.render(example, display: true)
        return diagnostics.isEmpty && !mathML.contains("<merror>")
    }

    @Test func everyTopCommandRenders() {
        let cases = MathCoverageCases.topCommands
        let failed = cases.filter { !Self.renders($0.example) }
        print("math coverage: top commands \(cases.count - failed.count)/\(cases.count) render without <merror>")
        #expect(cases.count == 300)
        #expect(Set(cases.map(\.command)).count == cases.count)
        #expect(failed.isEmpty, "\(failed.map(\.example))")
    }

    @Test func atLeast95PercentOfKaTeXsSupportTableRenders() {
        let cases = MathCoverageCases.supportTable
        let failed = cases.filter { !Self.renders($0.example) }
        let passed = cases.count - failed.count
        let percent = Double(passed * 1000 / cases.count) / 10
        print("math coverage: KaTeX support table \(passed)/\(cases.count) (\(percent)%) render without <merror>; not rendered: "
              + failed.map(\.command).joined(separator: " "))
        #expect(cases.count > 900)
        #expect(passed * 100 >= 95 * cases.count)
    }

    /// The test can fail: an unknown command does not render.
    @Test func anUnknownCommandDoesNotCount() {
        #expect(!Self.renders("\\notACommand"))
        #expect(!Self.renders("\\begin{nosuchenv}a\\end{nosuchenv}"))
    }
}
