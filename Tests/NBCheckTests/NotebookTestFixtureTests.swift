import Foundation
import Testing
@testable import NBCheck

/// Fixture notebooks that must pass and that must fail, each with its exact counts (SPEC §6).
struct NotebookTestFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func report(_ name: String, _ options: NotebookTest.Options = .init()) -> NotebookTest.Report {
        NotebookTest(file: fixtures.appendingPathComponent(name).path, options: options).run()
    }

    @Test(arguments: [
        // file, passed, failed, a phrase the failure report must contain
        ("passing.md", 5, 0, ""),
        ("tolerance-from-front-matter.md", 1, 0, ""),
        ("number-beyond-tolerance.md", 0, 1, "- 0.6667\n    + 0.6666666667\n      ^^^^^^^^^^^^"),
        ("nan-mismatch.md", 0, 1, "+ nan"),
        ("wrong-text.md", 0, 1, "- hello there\n    + hello world"),
        ("failing-assert.md", 0, 1, "x should exceed 3"),
        ("failing-gradcheck.md", 0, 1, "gradcheck"),
        ("error-expected-but-none.md", 0, 1, "marked error=true but ran without an error"),
        ("cell-error.md", 1, 1, "undefined_thing"),
    ])
    func counts(file: String, passed: Int, failed: Int, phrase: String) {
        let report = Self.report(file)
        #expect(report.inputError == nil)
        let summary = TestSummary(report.results)
        #expect(summary.passed == passed, "\(report.failures)")
        #expect(summary.failed == failed, "\(report.failures)")
        let text = report.failures.joined(separator: "\n")
        #expect(phrase.isEmpty || text.contains(phrase), "\(text)")
        if failed > 0 {
            // Every failure names file:line of its cell.
            #expect(text.contains("FAIL \(Self.fixtures.appendingPathComponent(file).path):"))
        }
    }

    @Test func failureShowsTheCellWithLineNumbers() {
        let text = Self.report("failing-assert.md").failures.joined()
        #expect(text.contains("FAIL \(Self.fixtures.path)/failing-assert.md:1 (cell 1)"))
        #expect(text.contains("      3 | assert x > 3, \"x should exceed 3\""))
    }

    @Test func filterSkipsOtherCells() {
        let report = Self.report("passing.md", .init(filter: ["nothing-has-this-id"]))
        #expect(TestSummary(report.results).line == "0 passed, 0 failed, 5 skipped")
    }

    @Test func unreadableFileIsAnInputError() {
        let report = Self.report("does-not-exist.md")
        #expect(report.inputError?.contains("cannot read") == true)
    }
}
