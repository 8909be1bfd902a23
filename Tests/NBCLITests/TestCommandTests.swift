import Foundation
import Testing

/// `nb test` as a command: exit codes, the closing line, JUnit (SPEC §2, §6).
struct TestCommandTests {
    static let fixtures = "Tests/NBCheckTests/Fixtures"

    @Test func passingNotebookExitsZero() throws {
        let r = try NBProcess.run(["test", "\(Self.fixtures)/passing.md"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix("5 passed, 0 failed\n"))
    }

    @Test func failingNotebookExitsOneWithFileLineAndDiff() throws {
        let r = try NBProcess.run(["test", "\(Self.fixtures)/number-beyond-tolerance.md"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL \(Self.fixtures)/number-beyond-tolerance.md:1 (cell 1): output differs"))
        #expect(r.stdout.contains("- 0.6667"))
        #expect(r.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func folderOfFixturesCountsEverything() throws {
        let r = try NBProcess.run(["test", Self.fixtures])
        #expect(r.status == 1)
        #expect(r.stdout.hasSuffix("7 passed, 7 failed, 2 unchecked displays\n"), "\(r.stdout)")
    }

    @Test func missingPathIsAUsageError() throws {
        let r = try NBProcess.run(["test", "no/such/notebook.md"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no/such/notebook.md: error:"))
    }

    @Test func junitReportIsWritten() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nb-junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try NBProcess.run(["test", "--junit", file.path, "\(Self.fixtures)/cell-error.md"])
        #expect(r.status == 1)
        let xml = try String(contentsOf: file, encoding: .utf8)
        #expect(xml.contains("tests=\"2\" failures=\"1\""))
        #expect(xml.contains("line=\"1\""))
    }

    @Test func runPrintsTheTranscript() throws {
        let r = try NBProcess.run(["run", "\(Self.fixtures)/cell-error.md"])
        #expect(r.status == 1)
        // The error is on the cell's first line (line 2 of the file).
        #expect(r.stdout.hasPrefix("error: undefined name 'undefined_thing' (line 1)"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("\n2\n"))
    }
}
