import Foundation
import Testing
import NBDocument
import NBLanguage
@testable import NBExecution

/// Inline code runs in the session where it stands, and goes through the cell cache like a cell
/// (issue 17).
@Suite struct InlineExecutionTests {
    static func notebook(prose: String = "Some prose.", cell2: String = "y = x + 1") -> String {
        """
        ---
        title: Inline
        ---

        \(prose) Before any cell: `{nb} { probe("a"); 40 + 2 }`.

        ```nb
        probe("1")
        x = 2
        ```

        Here x is `{nb} x` and `{nb} assert x == 2`; $x^2 = \\nb{x^2}$.

        ```nb
        probe("2")
        \(cell2)
        ```

        And y is `{nb} { probe("b"); y }`.
        """
    }

    static func values(_ result: NotebookExecution.Result) -> [String] {
        result.inlineOutcomes.map { $0.error.map { "error: \($0.message)" } ?? $0.items.map(\.transcript).joined() }
    }

    @Test func inlineCodeRunsBetweenTheCellsAroundIt() throws {
        let document = try DocumentParser.parse(Self.notebook(prose: "Intro.").replacingOccurrences(of: "{ probe(\"a\"); 40 + 2 }", with: "40 + 2")
            .replacingOccurrences(of: "{ probe(\"b\"); y }", with: "y").replacingOccurrences(of: "probe(\"1\")\n", with: "")
            .replacingOccurrences(of: "probe(\"2\")\n", with: ""))
        let result = NotebookExecution(document: document, path: "/tmp/doc.md").run()
        #expect(Self.values(result) == ["42", "2", "", "3", "4"])
        #expect(result.inlineOutcomes[2].checks.map(\.passed) == [true])
        #expect(!result.failed)
    }

    @Test func aNameDefinedLaterIsAClearErrorAtTheInlineCode() throws {
        let text = "Too early: `{nb} later + 1`.\n\n```nb\nlater = 1\n```\n"
        let document = try DocumentParser.parse(text)
        let result = NotebookExecution(document: document, path: "/tmp/doc.md").run()
        let error = try #require(result.inlineOutcomes.first?.error)
        #expect(error.message.contains("'later' is not defined yet"))
        #expect(error.message.contains("line 3"))
        #expect(error.location == TextLocation(line: 1, column: 18))
        #expect(error.hint?.contains("below that cell") == true)
        #expect(result.failed && result.failedInline == [0] && result.failedCells.isEmpty)
    }

    @Test func inlineCodeMayNotBindNamesOrShowOutput() throws {
        let document = try DocumentParser.parse("`{nb} z = 1` `{nb} print(1)` `{nb} [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]` `{nb} \"a<b>\"`\n")
        let result = NotebookExecution(document: document, path: "/tmp/doc.md").run()
        #expect(result.inlineOutcomes[0].error?.message.contains("cannot bind names") == true)
        #expect(result.inlineOutcomes[1].error?.message.contains("cannot print") == true)
        #expect(result.inlineOutcomes[2].error?.message.contains("too many for a sentence") == true)
        #expect(result.inlineOutcomes[3].items == [.value("a<b>")])
        #expect(result.failedInline == [0, 1, 2])
    }

    @Test func aFailedCheckFailsTheRunAtItsPosition() throws {
        let document = try DocumentParser.parse("```nb\nx = 1\n```\n\nClaim: `{nb} assert x > 2`.\n")
        let result = NotebookExecution(document: document, path: "/tmp/doc.md").run()
        let check = try #require(result.inlineOutcomes.first?.checks.first)
        #expect(!check.passed)
        #expect(check.location == TextLocation(line: 5, column: 14))
        #expect(result.failedInline == [0])
        let problem = try #require(InlineProblem(document.inlineCode[0], result.inlineOutcomes[0]))
        #expect(problem.line == 5 && problem.column == 14)
        #expect(problem.detail.contains("Claim: `{nb} assert x > 2`."))
    }

    @Test func anUnchangedPageEvaluatesNothingAndAnEditAboveReevaluates() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        let cold = try f.build(Self.notebook())
        #expect(f.log.take() == ["a", "1", "2", "b"])
        #expect(Self.values(cold) == ["42", "2", "", "3", "4"])

        let warm = try f.build(Self.notebook())
        #expect(f.log.take().isEmpty)
        #expect(Self.values(warm) == Self.values(cold))
        #expect(warm.explanation.contains { $0.hasPrefix("inline `{nb} x` (line 12:") && $0.hasSuffix("cached") })

        // Prose edits move inline code without running it; its positions follow.
        let moved = try f.build(Self.notebook(prose: "Longer prose, much longer than before."))
        #expect(f.log.take().isEmpty)
        #expect(Self.values(moved) == Self.values(cold))

        // An edit in the cell above the last inline expression re-evaluates it.
        let edited = try f.build(Self.notebook(cell2: "y = x + 10"))
        #expect(f.log.take() == ["2", "b"])
        #expect(Self.values(edited)[3] == "12")
        #expect(edited.explanation.contains { $0.hasPrefix("inline `{nb} { probe(\"b\"); y }`") && $0.contains("runs — an earlier cell changed") })
    }
}
