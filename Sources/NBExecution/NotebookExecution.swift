import Foundation
import NBDocument
import NBLanguage
import NBLearning

/// Runs a document's cells, top to bottom in one shared environment (SPEC §3), optionally through
/// the cell-result cache (SPEC §7).
public struct NotebookExecution {
    /// Changes whenever a change to nb may change a cell's results; part of every cache key.
    /// Derived from the build itself: `EngineSourceHash` is generated at build time (by
    /// SourceHashPlugin) from the sources of NBAutodiff, NBLearning, NBLanguage, NBExecution and
    /// NBHash, so no hand-kept number can fall behind the code. It ends with the machine's product
    /// class (`ComputeBackend.productClass`): another BLAS kernel rounds products differently, so a
    /// cache shared between machines reuses only results that this machine computes bit for bit.
    public static let engineVersion = "nb-engine-" + EngineSourceHash.value.prefix(16) + "+" + ComputeBackend.productClass

    /// The result of running one document.
    public struct Result: Sendable {
        /// One outcome per cell, in document order.
        public var outcomes: [CellOutcome]
        /// One outcome per inline code (`Document.inlineCode`), its positions in the file. An
        /// expression's value text is its single `.value` item.
        public var inlineOutcomes: [CellOutcome] = []
        /// Indices of the cells that were executed for their outcome (all of them without a cache).
        public var ran: [Int]
        /// Indices of cached cells executed again only to rebuild the environment (empty unless a
        /// stored environment was unusable).
        public var replayed: [Int]
        /// Per cell and inline code, whether it came from the cache or why it ran (`--explain`);
        /// empty without a cache.
        public var explanation: [String]
        /// Indices of cells whose outcome is a failure (SPEC §2 exit 1).
        public var failedCells: [Int]
        /// Indices of inline code that failed: an error, or a check that does not hold.
        public var failedInline: [Int] = []
        public var failed: Bool { !failedCells.isEmpty || !failedInline.isEmpty }
    }

    public var document: Document
    /// Path of the notebook file; its folder is the root of what cells may read.
    public var path: String
    /// The engine version the cache keys on (`NotebookExecution.engineVersion`; tests change it).
    var engine = NotebookExecution.engineVersion
    /// Hears which cell runs and how far its long loops got (a terminal's progress line); nil for none.
    public var progress: (any ExecutionProgress)?

    public init(document: Document, path: String) {
        self.document = document
        self.path = path
    }

    /// Session options from the document's front matter (`nb:`), with the notebook's folder as the
    /// root for file access.
    public var sessionOptions: SessionOptions {
        let o = document.frontMatter.options
        var options = SessionOptions()
        if let seed = o.seed { options.seed = seed }
        if let timeout = o.timeout { options.timeout = timeout }
        if let rtol = o.rtol { options.rtol = rtol }
        if let atol = o.atol { options.atol = atol }
        options.rootDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        return options
    }

    /// Runs every cell. With a cache, only the cells whose inputs changed (and those after them)
    /// run, starting from the environment stored after the last unchanged cell.
    public func run(cache: CellResultCache? = nil) -> Result {
        run(cache: cache, registry: .standard)
    }

    /// `run(cache:)` with the session's builtins given (tests add builtins that record execution).
    func run(cache: CellResultCache?, registry: BuiltinRegistry) -> Result {
        let units = ExecutionUnit.units(of: document)
        var runner = SessionRunner(units: units, session: Session(options: sessionOptions, registry: registry))
        runner.progress = progress
        runner.notebook = path
        guard let cache else {
            let outcomes = units.indices.map { runner.run(cellAt: $0) }
            return result(units: units, outcomes: outcomes, ran: Array(units.indices), replayed: [], explanation: [])
        }
        let cacheDocument = CacheDocument(engineVersion: engine, options: canonicalOptions, cells: units.map(\.cacheCell))
        let root = sessionOptions.rootDirectory ?? "."
        let cached = CachedExecution.execute(
            cacheDocument, documentKey: URL(fileURLWithPath: path).standardizedFileURL.path, cache: cache,
            fingerprint: FileFingerprints.sha256(relativeTo: URL(fileURLWithPath: root)), runner: &runner)
        return result(units: units, outcomes: cached.outcomes, ran: cached.ran, replayed: cached.replayed,
                      explanation: cached.explanation(cells: cacheDocument.cells))
    }

    /// Splits the outcomes of the units into those of cells and of inline code (unit indices
    /// become cell indices).
    private func result(units: [ExecutionUnit], outcomes: [CellOutcome], ran: [Int], replayed: [Int],
                        explanation: [String]) -> Result {
        var cellOutcomes: [CellOutcome] = []
        var inline = Array(repeating: CellOutcome(), count: document.inlineCode.count)
        for (unit, outcome) in zip(units, outcomes) {
            switch unit {
            case .cell:
                cellOutcomes.append(outcome)
            case .inline(let code):
                inline[code.index] = InlineHints.explained(outcome.placed(at: code.location), code: code, document: document)
            }
        }
        var unitToCell: [Int: Int] = [:]
        for (index, unit) in units.enumerated() { if case .cell(let cell) = unit { unitToCell[index] = cell.index } }
        let failedInline = inline.indices.filter { inline[$0].error != nil || inline[$0].checks.contains { !$0.passed } }
        return Result(outcomes: cellOutcomes, inlineOutcomes: inline, ran: ran.compactMap { unitToCell[$0] },
                      replayed: replayed.compactMap { unitToCell[$0] }, explanation: explanation,
                      failedCells: Self.failedCells(document.cells, cellOutcomes), failedInline: failedInline)
    }

    /// How `--explain` names each cell and inline code, in the order they run
    /// (`cell 2 (line 14)`, ``inline `{nb} x` (line 20:9)``).
    public var unitLabels: [String] {
        ExecutionUnit.units(of: document).map { $0.cacheCell.label ?? "" }
    }

    /// The options that change results, in a fixed text form.
    var canonicalOptions: String {
        let o = sessionOptions
        return "seed=\(o.seed);timeout=\(o.timeout);rtol=\(o.rtol);atol=\(o.atol);limit=\(o.elementLimit)"
    }

    /// A cell failed when it stopped with an error it was not expected to have, when an
    /// `error=true` cell did not fail, or when one of its checks failed.
    public static func failedCells(_ cells: [Cell], _ outcomes: [CellOutcome]) -> [Int] {
        zip(cells, outcomes).compactMap { cell, outcome in
            let failed = (outcome.error != nil) != cell.options.error || outcome.checks.contains { !$0.passed }
            return failed ? cell.index : nil
        }
    }
}
