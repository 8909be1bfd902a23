import Foundation
import Testing
@testable import NBDocument

/// Hostile YAML in front matter (and wherever else nb reads YAML): bounded depth and expansion,
/// errors with line and column, the same on every thread.
@Suite struct YAMLReaderTests {
    /// Nine levels of nine aliases: about 387 million values once expanded.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func document(_ yaml: String) -> String { "---\n" + yaml + "---\n\nBody.\n" }

    static func flowNesting(_ depth: Int) -> String {
        "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    }

    func expectError(_ text: String, containing message: String, line: Int? = nil, column: Int? = nil) {
        do {
            _ = try DocumentParser.parse(text)
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.kind == .malformedFrontMatter)
            #expect(error.message.contains(message), "\(error.message)")
            if let line { #expect(error.location?.line == line) }
            if let column { #expect(error.location?.column == column) }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aliasBombStopsAtTheValueBudget() {
        // a5 is the first key past 100,000 values (9 + 81 + … + 9⁶).
        expectError(Self.document(Self.aliasBomb), containing: "expands to more than 100000 values", line: 7, column: 1)
        // Aliases within the budget still work.
        let small = try? DocumentParser.parse(Self.document("a: &a [x, y]\nb: [*a, *a]\n"))
        #expect(small?.frontMatter["b"]?.elements?.count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func aliasesOfLongTextStopAtTheTextBudget() {
        let long = String(repeating: "z", count: 1 << 20)
        let yaml = "a: &a \"\(long)\"\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n"
        expectError(Self.document(yaml), containing: "MiB of text", line: 4)
    }

    static let deepCases: [(String, Int)] = [
        (flowNesting(6_000), 2),
        ("x: " + String(repeating: "{a: ", count: 3_000) + String(repeating: "}", count: 3_000) + "\n", 2),
        ("x:\n" + String(repeating: "- ", count: 6_000) + "end\n", 3),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: deepCases)
    func deepNestingIsAnErrorNotACrash(yaml: String, line: Int) {
        // On the test's own thread, whatever its stack.
        expectError(Self.document(yaml), containing: "nested too deeply", line: line)
        // And on a thread with a small stack: the check does not depend on the caller.
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var message = ""
        let thread = Thread {
            do { _ = try DocumentParser.parse(Self.document(yaml)) } catch let error as DocumentError { message = error.message } catch {}
            finished.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        finished.wait()
        #expect(message.contains("nested too deeply"))
    }

    @Test(.timeLimit(.minutes(1))) func depthErrorNamesTheColumn() {
        // Root mapping, then 64 lists: the 64th `[` is one level too many.
        expectError(Self.document(Self.flowNesting(64)), containing: "nested too deeply (more than 64 levels)", line: 2, column: 3 + 64)
        #expect((try? DocumentParser.parse(Self.document(Self.flowNesting(63)))) != nil)
    }

    @Test(.timeLimit(.minutes(1))) func tooManyMarkersAreRefusedWithoutParsing() {
        // `x: ` counts one, then each `[` two: the 10,000th passes 20,000.
        expectError(Self.document(Self.flowNesting(300_000)), containing: "too large to read", line: 2, column: 3 + 10_000)
        expectError(Self.document(String(repeating: "- \n", count: 30_000)), containing: "too large to read", line: 2 + 20_000, column: 1)
    }

    @Test func ordinaryLongFrontMatterIsFine() throws {
        let entries = (0..<500).map { "  - id: ref\($0)\n    title: \"Paper \($0): a study\"\n    url: https://example.org/\($0)\n    author: [A. Author, B. Author]\n    year: 2020\n" }
        let document = try DocumentParser.parse(Self.document("title: Many\nreferences:\n" + entries.joined()))
        #expect(document.frontMatter.references?.elements?.count == 500)
        #expect(FrontMatterReferences(document.frontMatter).references.count == 500)
    }

    @Test func markersBoundTheDepth() {
        #expect(YAMLReader.nestingMarkers(in: "a: [b, {c: d}]\n- e\n? f\n").count == 1 + 2 + 2 + 1 + 1 + 1)
        #expect(YAMLReader.nestingMarkers(in: "url: https://x.org/a-b?c\ndate: 2020-01-01\n").count == 2)
        #expect(YAMLReader.nestingMarkers(in: "- - -").count == 3)
    }

    @Test(.timeLimit(.minutes(1))) func referencesInTheirOwnYAMLHaveTheSameBounds() {
        let bomb = FrontMatterReferences.parse(yaml: Self.aliasBomb + "references: *a9\n", firstLine: 2)
        #expect(bomb.references.isEmpty)
        #expect(bomb.diagnostics.first?.message.contains("expands to more than") == true)
        let deep = FrontMatterReferences.parse(yaml: "references:\n  - " + Self.flowNesting(6_000), firstLine: 2)
        #expect(deep.diagnostics.first?.message.contains("nested too deeply") == true)
        #expect(deep.diagnostics.first?.line == 3)
    }
}
