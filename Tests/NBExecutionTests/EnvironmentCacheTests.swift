import Foundation
import Testing
import NBLanguage
@testable import NBExecution

/// The cell cache through the real runner (SPEC §7, issue 7 acceptance 2): a cell that must run
/// starts from the environment stored after the cell before it, so earlier cells never execute.
@Suite struct EnvironmentCacheTests {
    static let data = "1,2\n3,4\n"

    /// Four cells: define functions; read data and draw from the session's random stream; use
    /// both; display. Each cell reports itself through `probe`.
    static func notebook(prose: String = "Some prose.", cell3: String = "f(s) + h(1)") -> String {
        """
        ---
        title: Cache
        nb:
          seed: 7
        ---

        \(prose)

        ```nb
        probe("1")
        f(x) = x^2 + 3*x
        fp = derivative(f)
        twice = g -> (x -> g(g(x)))
        h = twice(f)
        ```

        Between the cells.

        ```nb
        probe("2")
        d = load("data.csv")
        s = sum(d)
        noise = randn(3)
        ```

        ```nb
        probe("3")
        \(cell3)
        fp
        noise
        ```

        ```nb
        probe("4")
        [s, f(2), sum(randn(2))]
        ```
        """
    }

    @Test func aColdBuildRunsEveryCellAndARebuildNone() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        let cold = try f.build(Self.notebook())
        #expect(f.log.take() == ["1", "2", "3", "4"])
        #expect(cold.outcomes.allSatisfy { $0.error == nil })
        #expect(cold.outcomes[2].items.first == .value("158"))  // f(10) + f(f(1)) = 130 + 28
        let warm = try f.build(Self.notebook())
        #expect(f.log.take().isEmpty)
        #expect(warm.ran.isEmpty && warm.replayed.isEmpty)
        #expect(try bytes(warm.outcomes) == bytes(cold.outcomes))
    }

    @Test func editingProseRunsNoCell() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        _ = try f.build(Self.notebook())
        _ = f.log.take()
        let edited = Self.notebook(prose: "Longer prose.\n\nWith a second paragraph\nover two lines.")
        let warm = try f.build(edited)
        #expect(f.log.take().isEmpty)
        #expect(warm.ran.isEmpty)
        #expect(warm.explanation.allSatisfy { $0.hasSuffix(": cached") })
        #expect(try bytes(warm.outcomes) == bytes(try f.coldBuild(edited, data: Self.data).outcomes))
    }

    @Test func editingCell3RunsOnlyCells3And4FromTheRestoredEnvironment() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        _ = try f.build(Self.notebook())
        _ = f.log.take()
        let edited = Self.notebook(cell3: "f(s) - h(1)\nrandn(2)\nderivative(fp)")
        let warm = try f.build(edited)
        #expect(f.log.take() == ["3", "4"])   // cells 1 and 2 did not execute, not even as a replay
        #expect(warm.ran == [2, 3] && warm.replayed.isEmpty)
        #expect(warm.explanation == [
            "cell 1 (line 10): cached",
            "cell 2 (line 20): cached, environment restored",
            "cell 3 (line 27): runs — source changed",
            "cell 4 (line 36): runs — an earlier cell changed",
        ])
        // Functions, lambdas with captured frames, symbolic functions, data, and the random
        // stream's position all came back exactly: the output is the cold build's, byte for byte.
        let cold = try f.coldBuildWithEnvironments(edited, data: Self.data)
        #expect(try bytes(warm.outcomes) == bytes(cold.result.outcomes))
        // What it stored is what a cold build stores: restored values keep their encodings.
        #expect(try Data(contentsOf: f.environmentFile) == cold.environments)
        #expect(warm.outcomes[2].items.first == .value("102"))   // f(10) - f(f(1)) = 130 - 28
    }

    @Test func changingTheDataFileRunsItsReaderAndWhatFollows() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        _ = try f.build(Self.notebook())
        _ = f.log.take()
        try f.write("1,2\n3,5\n", "data.csv")
        let warm = try f.build(Self.notebook())
        #expect(f.log.take() == ["2", "3", "4"])
        #expect(warm.explanation == [
            "cell 1 (line 10): cached, environment restored",
            "cell 2 (line 20): runs — data file data.csv changed",
            "cell 3 (line 27): runs — an earlier cell changed",
            "cell 4 (line 34): runs — an earlier cell changed",
        ])
        #expect(try bytes(warm.outcomes) == bytes(try f.coldBuild(Self.notebook(), data: "1,2\n3,5\n").outcomes))
        // And unchanged again: nothing runs.
        _ = try f.build(Self.notebook())
        #expect(f.log.take().isEmpty)
    }

    @Test func changingTheEngineVersionRunsEverything() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        let cold = try f.build(Self.notebook())
        _ = f.log.take()
        let warm = try f.build(Self.notebook(), engine: NotebookExecution.engineVersion + "-next")
        #expect(f.log.take() == ["1", "2", "3", "4"])
        #expect(warm.explanation.allSatisfy { $0.hasSuffix("runs — engine version changed") })
        #expect(try bytes(warm.outcomes) == bytes(cold.outcomes))
    }

    @Test func storedEnvironmentsAreByteDeterministic() throws {
        let a = try NotebookFixture(), b = try NotebookFixture()
        defer { a.remove(); b.remove() }
        for f in [a, b] {
            try f.write(Self.data, "data.csv")
            _ = try f.build(Self.notebook())
        }
        let first = try Data(contentsOf: a.environmentFile), second = try Data(contentsOf: b.environmentFile)
        #expect(first.count > 100)
        #expect(first == second)
        // No temporary file is left next to it.
        let names = try FileManager.default.contentsOfDirectory(atPath: a.cacheFolder.path).filter { $0.hasSuffix(".tmp") }
        #expect(names.isEmpty)
    }

    @Test(arguments: ["garbage", "truncated", "flipped", "missing"])
    func aDamagedEnvironmentFileMeansReplayNeverACrash(damage: String) throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        _ = try f.build(Self.notebook())
        _ = f.log.take()
        let file = f.environmentFile
        var data = try Data(contentsOf: file)
        switch damage {
        case "garbage": data = Data("not an archive".utf8)
        case "truncated": data = data.prefix(data.count / 2)
        case "flipped":
            // A byte inside the first blob (the function f, held by every cell's environment).
            let header = EnvironmentArchive.magic.count
            let indexLength = (0..<8).reduce(0) { $0 | Int(data[header + $1]) << (8 * $1) }
            data[EnvironmentArchive.headerLength + indexLength + 20] ^= 0x55
        default: try FileManager.default.removeItem(at: file)
        }
        if damage != "missing" { try data.write(to: file) }
        let edited = Self.notebook(cell3: "f(s) * 2")
        let warm = try f.build(edited)
        #expect(warm.outcomes.allSatisfy { $0.error == nil })
        #expect(try bytes(warm.outcomes) == bytes(try f.coldBuild(edited, data: Self.data).outcomes))
        #expect(f.log.take() == ["1", "2", "3", "4"])
        #expect(warm.replayed == [0, 1])
        let why = damage == "garbage" || damage == "missing" ? "no usable stored environment"
            : "the stored environment is damaged (checksum mismatch)"
        #expect(warm.explanation[0] == "cell 1 (line 10): cached, replayed (\(why))")
        // The archive is rewritten whole: the next edit restores again.
        _ = try f.build(Self.notebook(cell3: "f(s) * 3"))
        #expect(f.log.take() == ["3", "4"])
    }

    @Test func aValueThatCannotBeStoredFallsBackToReplayingAndSaysWhy() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        try f.write(Self.data, "data.csv")
        let markdown = { (last: String) in
            """
            ```nb
            probe("1")
            a = 2
            ```

            ```nb
            probe("2")
            wrap = k -> (x -> k(x) + 1)
            deep = x -> x
            for i in 1...\(Value.maximumStoredDepth + 5) { deep = wrap(deep) }
            ```

            ```nb
            probe("3")
            b = a + 1
            ```

            ```nb
            probe("4")
            \(last)
            ```
            """
        }
        _ = try f.build(markdown("b"))
        _ = f.log.take()
        let warm = try f.build(markdown("b * 2"))
        // Cell 1's environment is restored; cells 2 and 3 hold `deep` and are replayed.
        #expect(f.log.take() == ["2", "3", "4"])
        #expect(warm.replayed == [1, 2] && warm.ran == [3])
        let why = "cell 2 bound 'deep', which cannot be stored: it is nested deeper than \(Value.maximumStoredDepth) levels (lists, records and function bodies)"
        #expect(warm.explanation == [
            "cell 1 (line 2): cached, environment restored",
            "cell 2 (line 7): cached, replayed (\(why))",
            "cell 3 (line 14): cached, replayed (\(why))",
            "cell 4 (line 19): runs — source changed",
        ])
        #expect(warm.outcomes[3].items == [.value("6")])
        #expect(try bytes(warm.outcomes) == bytes(try f.coldBuild(markdown("b * 2"), data: Self.data).outcomes))
    }

    /// A tensor changed in place by a later cell is stored changed (the capture reuses the last
    /// encoding only for values whose storage is shared with the last capture's).
    @Test func aTensorChangedInPlaceIsStoredChanged() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        let markdown = { (last: String) in
            "```nb\nt = [1, 2, 3]\nu = t\n```\n\n```nb\nt[0] = 9\n```\n\n```nb\nprobe(\"3\")\n```\n\n```nb\n\(last)\n```\n"
        }
        _ = try f.build(markdown("t"))
        _ = f.log.take()
        let warm = try f.build(markdown("[t, u]"))
        #expect(f.log.take().isEmpty)
        #expect(warm.outcomes[3].items == [.value("[[9, 2, 3], [1, 2, 3]]")])
    }

    @Test func aFailedCellsUnboundNamesSurviveARestore() throws {
        let f = try NotebookFixture()
        defer { f.remove() }
        let markdown = { (last: String) in
            "```nb\nprobe(\"1\")\nbroken = 1 / \"x\"\n```\n\n```nb error=true\nprobe(\"2\")\nbroken\n```\n\n```nb\n\(last)\n```\n"
        }
        _ = try f.build(markdown("1"))
        _ = f.log.take()
        let warm = try f.build(markdown("broken + 1"))
        #expect(f.log.take().isEmpty)
        #expect(warm.ran == [2])
        let cold = try f.coldBuild(markdown("broken + 1"), data: "")
        #expect(warm.outcomes[2].error != nil)
        #expect(try bytes(warm.outcomes) == bytes(cold.outcomes))
    }
}
