import Foundation
import NBDocument
import NBLanguage
import NBRender
import Testing

/// The page for a small notebook, compared byte for byte with a committed file.
/// Run with `NB_UPDATE_GOLDEN=1` to rewrite the expected file after an intended change
/// (and review the diff).
@Suite struct GoldenPageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func smallNotebookMatchesGolden() throws {
        let document = try DocumentParser.parse(contentsOfFile: Self.fixtures.appendingPathComponent("small.md").path)
        let page = HTMLPage.render(document, stylesheet: .linked("nb.css"))
        let golden = Self.fixtures.appendingPathComponent("small.html")
        if ProcessInfo.processInfo.environment["NB_UPDATE_GOLDEN"] == "1" {
            try page.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(page == expected, "page differs from Fixtures/small.html; rerun with NB_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func sameInputSameBytes() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("small.md"), encoding: .utf8)
        let first = HTMLPage.render(try DocumentParser.parse(text))
        let second = HTMLPage.render(try DocumentParser.parse(text))
        #expect(first == second)
    }
}
