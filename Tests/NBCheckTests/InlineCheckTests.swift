import Foundation
import Testing
@testable import NBCheck

/// Inline checks are tests; failing inline code fails `nb test`; `--accept` never touches prose
/// (issue 17).
@Suite struct InlineCheckTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nb-inline-\(UUID().uuidString).md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let notebook = """
    ---
    title: Claims
    ---

    ```nb
    a = 0.5
    b = 0.25
    a
    ```
    ```output
    0.4
    ```

    Method A scores `{nb} a` and beats method B (`{nb} b`) `{nb} assert a > b`.
    It is not twice as good: `{nb} assert a > 3 * b` — that claim is false.
    And `{nb} missing` fails.

    """

    @Test func inlineChecksCountAndFailuresNameFileLineColumnAndSentence() throws {
        let path = try Self.write(Self.notebook)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = NotebookTest(file: path).run()
        let summary = TestSummary(report.results)
        // The cell (output differs), the false check and the failing expression fail; one check passes.
        #expect(summary.passed == 1 && summary.failed == 3, "\(report.failures)")
        let text = report.failures.joined(separator: "\n")
        #expect(text.contains("FAIL \(path):15:32 (inline): inline check `{nb} assert a > 3 * b` does not hold"), "\(text)")
        #expect(text.contains("in: It is not twice as good: `{nb} assert a > 3 * b` — that claim is false."), "\(text)")
        #expect(text.contains("FAIL \(path):16:11 (inline): inline code `{nb} missing` failed: undefined name 'missing'"), "\(text)")
    }

    @Test func acceptRewritesOutputBlocksAndNeverProse() throws {
        let path = try Self.write(Self.notebook)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = NotebookTest(file: path, options: .init(accept: true)).run()
        #expect(report.acceptedEdits == 1)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after == Self.notebook.replacingOccurrences(of: "```output\n0.4\n```", with: "```output\n0.5\n```"))
    }
}
