import Foundation
import Testing
import NBDocument
import NBLearning
@testable import NBCheck

/// `nb test --accept` on generated notebooks (seeded): cells that print fences, backticks and
/// tildes, `error=true` cells whose errors sit on different lines, output blocks missing, stale,
/// current, tilde-fenced or indented, LF and CRLF files. Whatever the notebook:
/// - accepting twice changes nothing the second time;
/// - every byte outside output blocks is kept (blocks are only added or rewritten);
/// - `nb test` passes afterwards, with as many tests as there are counted cells.
struct AcceptPropertyTests {
    /// The project's seeded generator, so a failing seed can be replayed on any machine.
    struct Generator {
        var random: SeededGenerator
        init(state: UInt64) { random = SeededGenerator(seed: state) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.nextIndex(below: range.count) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    }

    /// Lines a cell prints: fences of every length and both characters, with spaces and info strings.
    static let printed = ["```", "````", "``````", "~~~", "~~~~~", "  ```", "   ~~~~", "``` output", "`x`", "``",
                          "~", "plain text", "中文 ``` 混合", "    ````", "a```b", "```nb", "```output"]
    static let prose = ["Some prose.", "中文段落，带 `代码` 和 $x^2$。", "Trailing spaces  ", "\ttabbed line",
                        "A line with ``` inside", "**bold** and _em_", "# A heading", "- a list item", "> a quote"]

    /// One generated notebook: its text and how many cells count as tests.
    static func notebook(seed: UInt64) -> (text: String, tests: Int) {
        var g = Generator(state: seed)
        var lines: [String] = []
        var tests = 0
        if g.chance(30) { lines += ["---", "title: Generated \(seed)", "---", ""] }
        for index in 0..<g.int(2...7) {
            for _ in 0..<g.int(0...3) { lines.append(g.pick(prose)) }
            lines.append("")
            var cell: [String] = []
            var error = false
            switch g.int(0...3) {
            case 0, 1:
                for _ in 0..<g.int(1...3) {
                    cell.append("print(\"\(g.pick(printed))\")")
                }
            case 2:
                error = true
                for i in 0..<g.int(0...3) { cell.append("v\(i) = \(i)") }
                cell.append(g.pick(["undefined_name + 1", "f(1, 2", "[1, 2] @ [[1, 2, 3]]", "g(x) = x\ng(1, 2)"]))
            default:
                cell.append(g.pick(["x\(index) = 3", "1 / 3", "[[1, 2], [3, 4]]", "\"a ``` string\""]))
            }
            let fence = g.chance(20) ? "````" : "```"
            lines.append(fence + "nb" + (error ? " error=true" : "") + (g.chance(20) ? " id=c\(index)" : ""))
            lines += cell
            lines.append(fence)
            let hasBlock: Bool
            switch g.int(0...5) {
            case 0, 1: hasBlock = false
            case 2: lines += ["```output", "stale", "```"]; hasBlock = true
            case 3: lines += ["~~~output", "stale ~~~", "~~~"]; hasBlock = true
            case 4: lines += ["  ````output", "  ```", "  stale", "  ````"]; hasBlock = true
            default: lines += ["", "```output", "```"]; hasBlock = true
            }
            // An assignment-only cell displays nothing: without a block it is no test.
            if hasBlock || cell != ["x\(index) = 3"] { tests += 1 }
        }
        lines.append(g.pick(prose))
        let eol = g.chance(30) ? "\r\n" : "\n"
        return (lines.joined(separator: eol) + (g.chance(85) ? eol : ""), tests)
    }

    /// Bytes of the file with every output block (and its line ending) cut out.
    static func withoutOutputBlocks(_ bytes: [UInt8]) throws -> [UInt8] {
        let document = try DocumentParser.parse(bytes: bytes)
        var out: [UInt8] = []
        var cursor = 0
        for block in document.cells.compactMap(\.expectedOutput) {
            var end = block.fenceRange.upperBound
            if end < bytes.count, bytes[end] == UInt8(ascii: "\r") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
            out += bytes[cursor..<block.fenceRange.lowerBound]
            cursor = end
        }
        return out + bytes[cursor...]
    }

    @Test(arguments: 0..<48)
    func acceptIsIdempotentKeepsProseAndPasses(seed: Int) throws {
        let (text, tests) = Self.notebook(seed: UInt64(seed))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-accept-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("generated.md")
        let original = Array(text.utf8)
        try Data(original).write(to: file)

        let first = NotebookTest(file: file.path, options: .init(accept: true)).run()
        #expect(TestSummary(first.results).failed == 0, "seed \(seed): \(first.failures)")
        let accepted = Array(try Data(contentsOf: file))
        _ = NotebookTest(file: file.path, options: .init(accept: true)).run()
        let again = Array(try Data(contentsOf: file))
        #expect(String(decoding: again, as: UTF8.self) == String(decoding: accepted, as: UTF8.self),
                "seed \(seed): the second --accept changed the file")

        #expect(String(decoding: try Self.withoutOutputBlocks(accepted), as: UTF8.self)
                == String(decoding: try Self.withoutOutputBlocks(original), as: UTF8.self),
                "seed \(seed): bytes outside output blocks changed")

        let retest = NotebookTest(file: file.path).run()
        let summary = TestSummary(retest.results)
        #expect(summary.failed == 0, "seed \(seed): \(retest.failures)\n\(String(decoding: accepted, as: UTF8.self))")
        #expect(summary.passed >= tests, "seed \(seed): a test disappeared\n\(String(decoding: accepted, as: UTF8.self))")
        #expect(try !FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix(".tmp") })
    }
}
