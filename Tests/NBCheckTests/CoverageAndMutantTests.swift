import Foundation
import NBDocument
import NBLanguage
import Testing
@testable import NBCheck

/// Unchecked displays, `--strict`, and `--mutants` (issue: documentation tests that pin down what
/// a page shows).
struct CoverageAndMutantTests {
    /// Writes `text` to a fresh notebook file and returns its path.
    private func notebook(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("n.md")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    private static let partlyChecked = """
    ```nb id=checked
    1 + 1
    ```
    ```output
    2
    ```

    ```nb id=unchecked
    2 + 2
    ```

    ```nb id=hidden output=false
    3 + 3
    ```
    """

    @Test func aDisplayWithoutAnOutputBlockIsCountedAsUnchecked() throws {
        let report = NotebookTest(file: try notebook(Self.partlyChecked)).run()
        #expect(report.uncheckedDisplays == ["unchecked"])
        let summary = TestSummary(report.results, uncheckedDisplays: report.uncheckedDisplays.count)
        #expect(summary.line == "1 passed, 0 failed, 1 unchecked display")
    }

    @Test func strictFailsOnAnUncheckedDisplaySoADeletedBlockIsCaught() throws {
        let report = NotebookTest(file: try notebook(Self.partlyChecked), options: .init(strict: true)).run()
        #expect(report.uncheckedDisplays.isEmpty)
        let summary = TestSummary(report.results)
        #expect(summary.passed == 1 && summary.failed == 1)
        #expect(report.failures.joined().contains("displays something that nothing checks"))
    }

    @Test func acceptingAddsTheBlockSoNothingStaysUnchecked() throws {
        let file = try notebook(Self.partlyChecked)
        let accepted = NotebookTest(file: file, options: .init(accept: true, strict: true)).run()
        #expect(TestSummary(accepted.results).failed == 0)
        let again = NotebookTest(file: file, options: .init(strict: true)).run()
        #expect(TestSummary(again.results).failed == 0 && again.uncheckedDisplays.isEmpty)
    }

    @Test func mutantsOfEveryKind() throws {
        let cell = try #require(try DocumentParser.parse(bytes: Array("""
        ```nb
        f(x) = -x + 2*sin(x)
        lasso(X, y, alpha: 0.1, method: "fista")
        assert f(1) < 3
        g(x) = x^2 # nb: free
        ```
        """.utf8)).cells.first)
        let changes = MutantGenerator(cell: cell).mutants().map(\.change)
        #expect(changes.contains("removing `-`"))
        #expect(changes.contains("changing `+` to `-`"))
        #expect(changes.contains("changing `2` to `3`"))
        #expect(changes.contains("changing `*` to `/`"))
        #expect(changes.contains("changing `sin` to `cos`"))
        #expect(changes.contains("changing `0.1` to `0.11000000000000001`"))
        #expect(changes.contains("changing `\"fista\"` to `\"ista\"`"))
        #expect(changes.contains("removing `, alpha: 0.1`"))
        #expect(changes.contains("removing `, method: \"fista\"`"))
        // The assert line and the free line are left alone.
        #expect(!changes.contains("changing `<` to `<=`"))
        #expect(!changes.contains("changing `^` to `*`"))
        let mutant = try #require(MutantGenerator(cell: cell).mutants().first { $0.change == "changing `sin` to `cos`" })
        #expect(mutant.source.hasPrefix("f(x) = -x + 2*cos(x)\n"))
        #expect(mutant.line == 2 && mutant.column == 15)
    }

    @Test func aFreeMarkWithNamesFreesOnlyThoseBuiltinsAndArguments() throws {
        let cell = try #require(try DocumentParser.parse(bytes: Array("""
        ```nb
        numgrad(g, [1], scheme: "complex", h: 1e-20)  # nb: free(h)
        grad(u, [2, 3]) + sin(1)  # nb: free(grad)
        ```
        """.utf8)).cells.first)
        let changes = MutantGenerator(cell: cell).mutants().map(\.change)
        #expect(!changes.contains("removing `, h: 1e-20`"))
        #expect(!changes.contains { $0.hasPrefix("changing `1e-20`") })
        #expect(changes.contains("removing `, scheme: \"complex\"`"))
        #expect(changes.contains("changing `\"complex\"` to `\"central\"`"))
        #expect(!changes.contains("changing `grad` to `numgrad`"))
        #expect(changes.contains("changing `sin` to `cos`"))
        #expect(changes.contains("changing `+` to `-`"))
    }

    @Test func droppingAnArgumentEqualToItsDefaultIsNoMutant() throws {
        let cell = try #require(try DocumentParser.parse(bytes: Array("""
        ```nb
        numgrad(f, [2], scheme: "central")
        numgrad(f, [2], scheme: "forward")
        b = blobs(30, centers: 3, seed: 1)
        c = blobs(30, centers: 4, seed: 2)
        ```
        """.utf8)).cells.first)
        let changes = MutantGenerator(cell: cell, registry: .standard, documentSeed: 1).mutants().map(\.change)
        #expect(!changes.contains("removing `, scheme: \"central\"`"))
        #expect(changes.contains("removing `, scheme: \"forward\"`"))
        // `seed:` defaults to the document's seed.
        #expect(!changes.contains("removing `, centers: 3`") && !changes.contains("removing `, seed: 1`"))
        #expect(changes.contains("removing `, centers: 4`") && changes.contains("removing `, seed: 2`"))
        // A notebook's own function of the same name is not the builtin.
        let shadowed = MutantGenerator(cell: cell, registry: .standard, shadowed: ["numgrad"]).mutants().map(\.change)
        #expect(shadowed.contains("removing `, scheme: \"central\"`"))
    }

    @Test func anInlineCheckKillsAMutantAndASettledEnvironmentEndsASurvivor() throws {
        let file = try notebook("""
        ```nb id=a
        a = 2 + 3
        b = 1
        ```

        The sum is five `{nb} assert a == 5`.

        ```nb id=c
        b = 1 + 0 * a
        ```
        """)
        let report = MutationTest(file: file, options: .init(seed: 1, jobs: 2)).run()
        // `2 + 3` → `2 - 3`, `3 + 3`, `2 + 4`: the inline check fails. `b = 1` → `b = 2`: cell c
        // sets b back to 1, so the run is where the notebook was. In cell c the constants change
        // b, which nothing reads; `1 - 0 * a` and `1 + 0 / a` are still 1: equivalent.
        let survivors = report.survivors.map { $0.replacingOccurrences(of: file + ":", with: "") }
        let equivalents = report.equivalents.map { $0.replacingOccurrences(of: file + ":", with: "") }
        #expect(report.killed == 3 && report.survived == 3 && report.equivalent == 2 && report.counted == 6)
        #expect(survivors == [
            "3:5: changing `1` to `2` was not detected",
            "9:5: changing `1` to `2` was not detected",
            "9:9: changing `0` to `1` was not detected",
        ])
        #expect(equivalents == [
            "9:7: changing `+` to `-` changes nothing here (equivalent)",
            "9:11: changing `*` to `/` changes nothing here (equivalent)",
        ])
    }

    @Test func aCheckedCellKillsItsMutantsAndAnUncheckedOneReportsSurvivors() throws {
        let file = try notebook("""
        ```nb id=a
        a = 2 + 3
        ```

        ```nb id=b
        a * 2
        ```
        ```output
        10
        ```

        ```nb id=c
        b = a - 1
        ```
        """)
        let report = MutationTest(file: file, options: .init(seed: 1, jobs: 2)).run()
        #expect(report.inputError == nil)
        // `2 + 3` → `2 - 3`, `3 + 3`, `2 + 4`; `a * 2` → `a / 2`, `a * 3`: all change the checked 10.
        // `a - 1` → `a + 1`, `a - 2`: nothing reads b.
        #expect(report.mutants.count == 7)
        #expect(report.killed == 5 && report.survived == 2)
        #expect(report.survivors == [
            "\(file):13:7: changing `-` to `+` was not detected",
            "\(file):13:9: changing `1` to `2` was not detected",
        ])
        #expect(MutationRate.percent(report.killed, report.mutants.count) == "71.4%")
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let file = try notebook("```nb\nx = 1 + 2\nx\n```\n```output\n3\n```\n")
        let first = MutationTest(file: file, options: .init(seed: 7, jobs: 2)).run()
        let second = MutationTest(file: file, options: .init(seed: 7, jobs: 1)).run()
        #expect(first.fates == second.fates && first.mutants == second.mutants)
    }
}
