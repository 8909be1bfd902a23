import NBDocument
import Foundation
import Testing
import NBLanguage
@testable import NBExecution

/// A stand-in for the cell language: a cell's outcome is its source (and the contents of any file
/// named by a `read:PATH` line), so a wrong cache hit shows up as a wrong outcome.
private struct ToyRunner: CellRunning {
    var cells: [String]
    var folder: URL
    var ran: [Int] = []
    var replayed: [Int] = []

    mutating func run(cellAt index: Int) -> CellOutcome {
        ran.append(index)
        return Self.outcome(cells[index], folder: folder)
    }
    mutating func replay(cellAt index: Int) { replayed.append(index) }

    static func outcome(_ source: String, folder: URL) -> CellOutcome {
        var items: [DisplayItem] = [.value(source)]
        var files: [String] = []
        for line in source.split(separator: "\n") where line.hasPrefix("read:") {
            let path = String(line.dropFirst(5))
            files.append(path)
            let text = (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? "<missing>"
            items.append(.printed(text))
        }
        return CellOutcome(items: items, filesRead: files)
    }
}

private struct Fixture {
    let root: URL
    let cache: CellResultCache
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-cache-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        cache = CellResultCache(directory: root.appendingPathComponent(".nb-cache"))
    }
    func write(_ text: String, _ path: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
    func document(_ cells: [String], engine: String = "1.0", options: String = "seed=1", firstLine: Int = 5) -> CacheDocument {
        CacheDocument(engineVersion: engine, options: options,
                      cells: cells.enumerated().map { CacheCell(source: $1, line: firstLine + 10 * $0) })
    }
    func build(_ document: CacheDocument) -> (CachedExecutionResult, ToyRunner) {
        var runner = ToyRunner(cells: document.cells.map(\.source), folder: root)
        let result = CachedExecution.execute(document, documentKey: "notes/a.md", cache: cache,
                                             fingerprint: FileFingerprints.sha256(relativeTo: root), runner: &runner)
        return (result, runner)
    }
    func expected(_ document: CacheDocument) -> [CellOutcome] {
        document.cells.map { ToyRunner.outcome($0.source, folder: root) }
    }
}

@Suite struct CellCacheTests {
    let cells = ["x = 1", "read:data/x.csv\ny = 2", "z = x + y", "read:data/w.csv", "print(z)"]

    @Test func firstBuildRunsEverythingAndRebuildRunsNothing() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        let doc = f.document(cells)
        let (first, runner1) = f.build(doc)
        #expect(runner1.ran == [0, 1, 2, 3, 4])
        #expect(first.plan.decisions.allSatisfy { $0 == .run(.notCached) })
        let (second, runner2) = f.build(doc)
        #expect(runner2.ran.isEmpty && runner2.replayed.isEmpty)
        #expect(second.outcomes == f.expected(doc))
        #expect(second.plan.explanation(cells: doc.cells).allSatisfy { $0.hasSuffix(": cached") })
    }

    @Test func editingProseRunsNoCellAndMovesErrorLines() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        var runner = ToyRunner(cells: cells, folder: f.root)
        let doc = f.document(cells)
        // Store outcomes carrying an error position, as a real failing cell would.
        var outcomes = f.expected(doc)
        outcomes[2].error = CellError(message: "boom", location: TextLocation(line: 26, column: 3))
        try f.cache.store(outcomes, for: doc, documentKey: "notes/a.md", fingerprint: FileFingerprints.sha256(relativeTo: f.root))
        // Three lines of prose added above every cell: same sources, positions shifted.
        let moved = f.document(cells, firstLine: 8)
        let result = CachedExecution.execute(moved, documentKey: "notes/a.md", cache: f.cache,
                                             fingerprint: FileFingerprints.sha256(relativeTo: f.root), runner: &runner)
        #expect(runner.ran.isEmpty && runner.replayed.isEmpty)
        #expect(result.outcomes[2].error?.location == TextLocation(line: 29, column: 3))
    }

    @Test func editingCellKRerunsFromK() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        _ = f.build(f.document(cells))
        var edited = cells
        edited[2] = "z = x * y"
        let doc = f.document(edited)
        let (result, runner) = f.build(doc)
        #expect(runner.ran == [2, 3, 4])
        #expect(runner.replayed == [0, 1])   // executed only to rebuild the environment
        #expect(result.outcomes == f.expected(doc))
        #expect(result.plan.explanation(cells: doc.cells) == [
            "cell 1 (line 5): cached",
            "cell 2 (line 15): cached",
            "cell 3 (line 25): runs — source changed",
            "cell 4 (line 35): runs — an earlier cell changed",
            "cell 5 (line 45): runs — an earlier cell changed",
        ])
    }

    @Test func changingADataFileRerunsItsReadersAndSuccessors() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        _ = f.build(f.document(cells))
        try f.write("4", "data/w.csv")
        let doc = f.document(cells)
        let (result, runner) = f.build(doc)
        #expect(runner.ran == [3, 4])
        #expect(result.outcomes[3].items.last == .printed("4"))
        #expect(result.plan.explanation(cells: doc.cells)[3] == "cell 4 (line 35): runs — data file data/w.csv changed")

        try f.write("9,9", "data/x.csv")
        let (result2, runner2) = f.build(doc)
        #expect(runner2.ran == [1, 2, 3, 4])
        #expect(result2.plan.decisions[1] == .run(.dataFileChanged("data/x.csv")))
        #expect(result2.outcomes == f.expected(doc))

        try FileManager.default.removeItem(at: f.root.appendingPathComponent("data/x.csv"))
        let (_, runner3) = f.build(doc)
        #expect(runner3.ran == [1, 2, 3, 4])
    }

    @Test func changingEngineOrOptionsRerunsEverything() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        _ = f.build(f.document(cells))
        let (result, runner) = f.build(f.document(cells, engine: "1.1"))
        #expect(runner.ran == [0, 1, 2, 3, 4])
        #expect(result.plan.explanation(cells: f.document(cells).cells)[0] == "cell 1 (line 5): runs — engine version changed")
        let (result2, runner2) = f.build(f.document(cells, engine: "1.1", options: "seed=2"))
        #expect(runner2.ran == [0, 1, 2, 3, 4])
        #expect(result2.plan.decisions.allSatisfy { $0 == .run(.optionsChanged) })
    }

    @Test func insertingAndRemovingCells() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        _ = f.build(f.document(cells))
        let appended = f.document(cells + ["w = 5"])
        let (_, runner) = f.build(appended)
        #expect(runner.ran == [5])
        let removed = f.document(Array(cells.dropFirst()))
        let (result, runner2) = f.build(removed)
        #expect(runner2.ran == [0, 1, 2, 3])
        #expect(result.plan.decisions[0] == .run(.sourceChanged))
    }

    @Test func corruptCacheIsAMiss() throws {
        let f = try Fixture()
        try f.write("1,2", "data/x.csv"); try f.write("3", "data/w.csv")
        _ = f.build(f.document(cells))
        let files = try FileManager.default.contentsOfDirectory(at: f.cache.directory, includingPropertiesForKeys: nil)
        #expect(files.count == 1)
        try Data("{not json".utf8).write(to: files[0])
        let (result, runner) = f.build(f.document(cells))
        #expect(runner.ran.count == 5)
        #expect(result.plan.decisions[0] == .run(.notCached))
    }

    @Test func outcomesRoundTripThroughJSON() throws {
        let table = DisplayTable(kind: .gradient, caption: "g", columns: ["a", "b"], rows: [["1", "2"]], verdicts: [false])
        let plot = PlotSpec(title: "t", xScale: .log, series: [.init(name: "s", xs: [1, .nan], ys: [.infinity, -.infinity], style: .scatter, groups: [0, 1])],
                            markers: [.init(x: 1e-8, label: "best")])
        let outcome = CellOutcome(
            items: [.printed("hi"), .value("[[1, 2]]"), .formula(text: "f'(x) = 2*x", tex: "f'(x) = 2 x"), .table(table), .plot(plot),
                    .images(ImageGrid(title: "d", width: 2, height: 1, pixels: [[0, 0.5]], captions: ["7"]))],
            error: CellError(message: "m", location: TextLocation(line: 3, column: 4), hint: "h"),
            checks: [CheckRecord(kind: .gradcheck, passed: true, message: "ok", location: TextLocation(line: 1, column: 1))],
            filesRead: ["data/x.csv"])
        let data = try JSONEncoder().encode(outcome)
        let back = try JSONDecoder().decode(CellOutcome.self, from: data)
        // nan != nan, so compare the transcript-relevant parts and the nan position separately.
        guard case .plot(let p) = back.items[4] else { Issue.record("not a plot"); return }
        #expect(p.series[0].xs[1].isNaN && p.series[0].ys == [.infinity, -.infinity])
        var a = outcome, b = back
        a.items.remove(at: 4); b.items.remove(at: 4)
        #expect(a == b)
    }
}
