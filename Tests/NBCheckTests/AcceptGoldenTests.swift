import Foundation
import Testing
@testable import NBCheck

/// `nb test --accept` rewrites only output-block bodies (and adds missing blocks); every other byte
/// of the file stays as it was, and the accepted file then passes.
struct AcceptGoldenTests {
    /// Writes `text` to a fresh temporary notebook, accepts, and returns the new bytes.
    private func accept(_ text: String) throws -> (before: [UInt8], after: [UInt8], retest: NotebookTest.Report) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.md")
        try Data(text.utf8).write(to: file)
        let report = NotebookTest(file: file.path, options: .init(accept: true)).run()
        #expect(TestSummary(report.results).failed == 0, "\(report.failures)")
        let after = Array(try Data(contentsOf: file))
        let retest = NotebookTest(file: file.path).run()
        return (Array(text.utf8), after, retest)
    }

    private func expectPassing(_ report: NotebookTest.Report) {
        let summary = TestSummary(report.results)
        #expect(summary.failed == 0 && summary.passed > 0, "\(report.failures)")
    }

    @Test func crlfFileKeepsEveryOtherByte() throws {
        let text = "# Title  \r\n\r\n```nb\r\n1 + 1\r\n```\r\n\r\n```output\r\n3\r\n```\r\n\r\ntail \t\r\n"
        let (_, after, retest) = try accept(text)
        #expect(String(decoding: after, as: UTF8.self)
                == "# Title  \r\n\r\n```nb\r\n1 + 1\r\n```\r\n\r\n```output\r\n2\r\n```\r\n\r\ntail \t\r\n")
        expectPassing(retest)
    }

    @Test func fileWithoutFinalNewlineAndOutputBlockAtTheEnd() throws {
        let (_, after, retest) = try accept("```nb\n2 * 3\n```\n```output\n5\n```")
        #expect(String(decoding: after, as: UTF8.self) == "```nb\n2 * 3\n```\n```output\n6\n```")
        expectPassing(retest)
    }

    @Test func cellWithoutOutputBlockGetsOne() throws {
        let (_, after, retest) = try accept("中文说明：\n\n```nb\nprint(\"你好\")\n```\n\n后文。\n")
        #expect(String(decoding: after, as: UTF8.self) == "中文说明：\n\n```nb\nprint(\"你好\")\n```\n```output\n你好\n```\n\n后文。\n")
        expectPassing(retest)
    }

    @Test func cellWithoutOutputBlockAtEndOfFileWithoutNewline() throws {
        let (_, after, _) = try accept("```nb\n7\n```")
        #expect(String(decoding: after, as: UTF8.self) == "```nb\n7\n```\n```output\n7\n```\n")
    }

    @Test func twoIdenticalCellsAreRewrittenByPositionNotByText() throws {
        let text = "```nb\nx = 1\nx\n```\n```output\nold\n```\n\n```nb\nx = 1\nx\n```\n```output\nold\n```\n"
        let (_, after, retest) = try accept(text)
        #expect(String(decoding: after, as: UTF8.self)
                == "```nb\nx = 1\nx\n```\n```output\n1\n```\n\n```nb\nx = 1\nx\n```\n```output\n1\n```\n")
        expectPassing(retest)
    }

    @Test func matchingBlocksAreLeftAloneEvenWhenFormattedDifferently() throws {
        // Within tolerance and with trailing spaces: nothing to rewrite.
        let text = "```nb\n1/3\n```\n```output\n0.3333333   \n```\n"
        let (before, after, _) = try accept(text)
        #expect(before == after)
    }

    @Test func bytesOutsideBodiesAreIdentical() throws {
        let text = "---\ntitle: t\n---\n\ttab line  \n```nb\n1\n```\n```output\n9\n```\nend"
        let (before, after, _) = try accept(text)
        let body = Array("9\n".utf8), replaced = Array("1\n".utf8)
        let cut = before.count - 9 // "9\n```\nend" is the tail
        #expect(Array(after.prefix(cut)) == Array(before.prefix(cut)))
        #expect(Array(before[cut..<(cut + body.count)]) == body)
        #expect(Array(after[cut..<(cut + replaced.count)]) == replaced)
        #expect(Array(after.suffix(7)) == Array(before.suffix(7)))
    }
}

/// Issue 12, items 8 and 9: accepting twice is a no-op, and no block ever swallows what follows it.
struct AcceptIdempotenceTests {
    /// Accepts `text` twice; returns the file after each, and the summary of a plain test run.
    private func acceptTwice(_ text: String) throws -> (first: String, second: String, summary: TestSummary) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.md")
        try Data(text.utf8).write(to: file)
        _ = NotebookTest(file: file.path, options: .init(accept: true)).run()
        let first = try String(contentsOf: file, encoding: .utf8)
        _ = NotebookTest(file: file.path, options: .init(accept: true)).run()
        let second = try String(contentsOf: file, encoding: .utf8)
        return (first, second, TestSummary(NotebookTest(file: file.path).run().results))
    }

    @Test func aPrintedFenceLengthensTheExistingBlocksFences() throws {
        let text = "```nb\nprint(\"```\")\n```\n```output\nold\n```\n\nProse stays prose.\n\n```nb\n1 + 1\n```\n```output\n2\n```\n"
        let (first, second, summary) = try acceptTwice(text)
        #expect(first == "```nb\nprint(\"```\")\n```\n````output\n```\n````\n\nProse stays prose.\n\n```nb\n1 + 1\n```\n```output\n2\n```\n")
        #expect(second == first)
        #expect(summary.passed == 2 && summary.failed == 0)
    }

    @Test func aPrintedTildeFenceLengthensATildeBlock() throws {
        let text = "```nb\nprint(\"~~~~\")\n```\n~~~output\nold\n~~~\ntail\n"
        let (first, second, summary) = try acceptTwice(text)
        #expect(first == "```nb\nprint(\"~~~~\")\n```\n~~~~~output\n~~~~\n~~~~~\ntail\n")
        #expect(second == first)
        #expect(summary.passed == 1 && summary.failed == 0)
    }

    @Test func anIndentedBlockKeepsItsIndentationAndLeadingSpaces() throws {
        let text = "```nb\nprint(\"  two spaces\")\n```\n  ```output\n  old\n  ```\n"
        let (first, second, summary) = try acceptTwice(text)
        #expect(first == "```nb\nprint(\"  two spaces\")\n```\n  ```output\n    two spaces\n  ```\n")
        #expect(second == first)
        #expect(summary.passed == 1 && summary.failed == 0)
    }

    @Test func anInsertedBlockDoesNotChangeTheTranscriptOfALaterErrorCell() throws {
        // The error transcript counts lines from the cell's first line, so the block inserted
        // above it (four lines) leaves it as it was.
        let text = "```nb\n7\n```\n\n```nb error=true\nx = 1\ny = nothing_here\n```\n```output\nerror: undefined name 'nothing_here' (line 2)\n```\n"
        let (first, second, summary) = try acceptTwice(text)
        #expect(first == "```nb\n7\n```\n```output\n7\n```\n\n```nb error=true\nx = 1\ny = nothing_here\n```\n```output\nerror: undefined name 'nothing_here' (line 2)\n```\n")
        #expect(second == first)
        #expect(summary.passed == 2 && summary.failed == 0)
    }

    @Test func aCellWhoseFenceRunsToTheEndOfTheFileGetsNoBlockInside() throws {
        let text = "```nb\n7\n"
        let (first, _, _) = try acceptTwice(text)
        #expect(first == text)
    }

    @Test func leftoverTemporaryFilesOfAKilledAcceptAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.md")
        try Data("```nb\n7\n```\n".utf8).write(to: file)
        let leftover = ".doc.md.\(UUID().uuidString).tmp"
        let others = [".doc.md.not-a-uuid.tmp", ".other.md.\(UUID().uuidString).tmp", "doc.md.\(UUID().uuidString).tmp"]
        for name in [leftover] + others { try Data("half".utf8).write(to: folder.appendingPathComponent(name)) }
        _ = NotebookTest(file: file.path, options: .init(accept: true)).run()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set(["doc.md"] + others))
    }
}

struct AcceptRefusalTests {
    @Test func invalidUTF8IsNeverRewritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-accept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.md")
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9] + Array("\n```nb\n1\n```\n```output\n2\n```\n".utf8)
        try Data(bytes).write(to: file)
        let report = NotebookTest(file: file.path, options: .init(accept: true)).run()
        #expect(report.failures.contains { $0.contains("not valid UTF-8") })
        #expect(Array(try Data(contentsOf: file)) == bytes)
    }
}
