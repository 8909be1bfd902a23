import NBLanguage

/// Runs cells for the cache: `run` produces a cell's outcome; `replay` re-executes a cell only to
/// rebuild the shared environment (its outcome is already cached and is discarded). A runner
/// whose session can be restored cheaply may make `replay` cheaper than `run`.
public protocol CellRunning {
    mutating func run(cellAt index: Int) -> CellOutcome
    mutating func replay(cellAt index: Int)
}

extension CellRunning {
    public mutating func replay(cellAt index: Int) { _ = run(cellAt: index) }
}

/// The result of a cached execution of one document.
public struct CachedExecutionResult: Sendable, Equatable {
    /// One outcome per cell, in order (cached or fresh).
    public var outcomes: [CellOutcome]
    /// What was decided per cell.
    public var plan: CachePlan
    /// Cells executed for their outcome.
    public var ran: [Int]
    /// Cells re-executed only to restore the environment for a later cell that had to run.
    public var replayed: [Int]
}

/// Runs a document's cells through the cache (SPEC §7).
///
/// Cells before the first invalid one come from the cache. Cells run top to bottom in one shared
/// environment, and environments cannot be stored, so when cell k must run, cells 0…k-1 are
/// *replayed* (executed, output discarded) to rebuild that environment; cells k… run. A rebuild with
/// nothing changed executes no cell at all.
public enum CachedExecution {
    public static func execute<Runner: CellRunning>(
        _ document: CacheDocument, documentKey: String, cache: CellResultCache,
        fingerprint: @escaping FileFingerprinter, runner: inout Runner
    ) -> CachedExecutionResult {
        let plan = cache.plan(for: document, documentKey: documentKey, fingerprint: fingerprint)
        guard let first = plan.firstToRun else {
            let outcomes = plan.decisions.compactMap { decision -> CellOutcome? in
                if case .cached(let outcome) = decision { outcome } else { nil }
            }
            return CachedExecutionResult(outcomes: outcomes, plan: plan, ran: [], replayed: [])
        }
        var outcomes: [CellOutcome] = []
        for index in 0..<first {
            runner.replay(cellAt: index)
            if case .cached(let outcome) = plan.decisions[index] { outcomes.append(outcome) }
        }
        for index in first..<document.cells.count { outcomes.append(runner.run(cellAt: index)) }
        // A failed store only costs a rerun next time.
        try? cache.store(outcomes, for: document, documentKey: documentKey, fingerprint: fingerprint)
        return CachedExecutionResult(outcomes: outcomes, plan: plan, ran: Array(first..<document.cells.count),
                                     replayed: Array(0..<first))
    }
}
