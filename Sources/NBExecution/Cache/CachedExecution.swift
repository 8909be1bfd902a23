import Foundation
import NBLanguage

/// Runs cells for the cache: `run` produces a cell's outcome; `replay` re-executes a cell only to
/// rebuild the shared environment (its outcome is already cached and is discarded). A runner that
/// can store its environment (`storesEnvironments`) hands it over after every cell and takes a
/// stored one back, so earlier cells need not execute at all.
public protocol CellRunning {
    mutating func run(cellAt index: Int) -> CellOutcome
    mutating func replay(cellAt index: Int)
    /// Whether `captureEnvironment` and `restoreEnvironment` work.
    var storesEnvironments: Bool { get }
    /// The environment after the last cell run or replayed, encoded; nil when it cannot be taken.
    mutating func captureEnvironment() -> CapturedEnvironment?
    /// Replaces the environment with a stored one; false (nothing changed) when it does not decode.
    mutating func restoreEnvironment(_ environment: EncodedEnvironment) -> Bool
}

extension CellRunning {
    public mutating func replay(cellAt index: Int) { _ = run(cellAt: index) }
    public var storesEnvironments: Bool { false }
    public mutating func captureEnvironment() -> CapturedEnvironment? { nil }
    public mutating func restoreEnvironment(_ environment: EncodedEnvironment) -> Bool { false }
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
    /// How the environment of the first cell that ran was obtained.
    public var restore: EnvironmentRestore

    /// One line per cell for `--explain`: the plan's lines, with the cell whose stored environment
    /// was restored marked, and each replayed cell marked with why it had to be replayed.
    public func explanation(cells: [CacheCell]) -> [String] {
        var lines = plan.explanation(cells: cells)
        switch restore {
        case .notNeeded, .replayed(_, .runnerCannotStore): break
        case .restored(let cell):
            if cell < lines.count { lines[cell] += ", environment restored" }
        case .replayed(let range, let reason):
            if range.lowerBound > 0, range.lowerBound - 1 < lines.count { lines[range.lowerBound - 1] += ", environment restored" }
            for cell in range where cell < lines.count { lines[cell] += ", replayed (\(reason))" }
        }
        return lines
    }
}

/// Runs a document's cells through the cache (SPEC §7).
///
/// Cells before the first invalid one come from the cache. Cells run top to bottom in one shared
/// environment; when cell k must run, the environment stored after cell k-1 is put back and
/// cells k… run, so no earlier cell executes. Where that environment is not available (a value
/// that cannot be stored, a missing or damaged archive) the latest stored environment before it is
/// restored and the cells in between are *replayed* (executed, output discarded). A rebuild with
/// nothing changed executes no cell and reads no environment.
public enum CachedExecution {
    public static func execute<Runner: CellRunning>(
        _ document: CacheDocument, documentKey: String, cache: CellResultCache,
        fingerprint: @escaping FileFingerprinter, runner: inout Runner
    ) -> CachedExecutionResult {
        var storedRecord = cache.loadRecord(documentKey)
        var plan = CacheValidator.plan(document: document, stored: storedRecord, fingerprint: fingerprint)
        if plan.firstToRun != nil, cache.fetchRemote(document, documentKey: documentKey, improving: plan, fingerprint: fingerprint) {
            storedRecord = cache.loadRecord(documentKey)
            plan = CacheValidator.plan(document: document, stored: storedRecord, fingerprint: fingerprint)
        }
        let record: CacheRecord? = if case .record(let record) = storedRecord { record } else { nil }
        var outcomes = plan.decisions.compactMap { decision -> CellOutcome? in
            if case .cached(let outcome) = decision { outcome } else { nil }
        }
        guard let first = plan.firstToRun else {
            return CachedExecutionResult(outcomes: outcomes, plan: plan, ran: [], replayed: [], restore: .notNeeded)
        }
        outcomes = Array(outcomes.prefix(first))
        let storing = runner.storesEnvironments
        let loaded = first > 0 && storing ? cache.loadEnvironments(documentKey) : .missing
        let stored = loaded.archive
        let storedKeys = record.map(CacheValidator.stateKeys) ?? []
        let (start, restore) = restoreLatest(before: first, from: loaded, keys: storedKeys,
                                             storing: storing, runner: &runner)

        var recorder = EnvironmentRecorder(storing: storing)
        if let stored { for cell in 0..<start { recorder.archive.copy(cell: cell, from: stored, key: storedKeys[cell]) } }
        for cell in start..<first {
            runner.replay(cellAt: cell)
            recorder.capture(after: cell, from: &runner)
        }
        var seconds: [Double?] = (0..<first).map { record?.cells.element($0)?.seconds }
        for cell in first..<document.cells.count {
            let started = DispatchTime.now().uptimeNanoseconds
            outcomes.append(runner.run(cellAt: cell))
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            recorder.capture(after: cell, from: &runner)
        }
        // A failed store only costs a rerun next time.
        if let written = try? cache.storeRecord(outcomes, seconds: seconds, for: document, documentKey: documentKey,
                                                fingerprint: fingerprint) {
            if storing {
                let keys = CacheValidator.stateKeys(written)
                for cell in start..<document.cells.count { recorder.archive.rekey(cell: cell, key: keys[cell]) }
                try? cache.storeEnvironments(recorder.archive, documentKey: documentKey)
            }
            cache.publishRemote(document, documentKey: documentKey)
        }
        return CachedExecutionResult(outcomes: outcomes, plan: plan, ran: Array(first..<document.cells.count),
                                     replayed: Array(start..<first), restore: restore)
    }
    /// Puts back the latest usable stored environment at or before cell `first - 1` and returns
    /// the first cell to execute (0 when none could be restored) with how it went.
    private static func restoreLatest<Runner: CellRunning>(
        before first: Int, from loaded: EnvironmentArchive.Loaded, keys: [String], storing: Bool, runner: inout Runner
    ) -> (start: Int, restore: EnvironmentRestore) {
        guard first > 0 else { return (0, .notNeeded) }
        var start = 0
        var damaged = false
        if case .damaged = loaded { damaged = true }
        if let stored = loaded.archive {
            for cell in stride(from: min(first, keys.count) - 1, through: 0, by: -1) {
                switch stored.environment(after: cell, key: keys[cell]) {
                case .found(let environment) where runner.restoreEnvironment(environment):
                    start = cell + 1
                case .damaged: damaged = true
                default: break
                }
                if start > 0 { break }
            }
        }
        if start == first { return (start, .restored(afterCell: first - 1)) }
        let stored = loaded.archive
        var reason = !storing ? ReplayReason.runnerCannotStore : damaged ? .damagedEnvironment : .noStoredEnvironment
        if let entry = stored?.cells.element(first - 1) ?? nil, entry.key == keys.element(first - 1),
           let unstorable = entry.unstorable {
            reason = .unstorable(cell: unstorable.cell, name: unstorable.name, reason: unstorable.reason)
        }
        return (start, .replayed(start...(first - 1), reason: reason))
    }
}

/// Collects the environments a runner hands over after each cell into a new archive.
private struct EnvironmentRecorder {
    let storing: Bool
    var archive = EnvironmentArchive()

    /// Takes the environment after `cell` (under a placeholder key, set once the record is written).
    mutating func capture<Runner: CellRunning>(after cell: Int, from runner: inout Runner) {
        guard storing else { return }
        switch runner.captureEnvironment() {
        case .stored(let environment)?: archive.store(environment, after: cell, key: "")
        case .unstorable(let name, let why)?:
            // Name the cell that bound the value: the earliest of a run of cells holding it.
            var boundBy = cell
            if let earlier = archive.cells.element(cell - 1)??.unstorable, earlier.name == name { boundBy = earlier.cell }
            archive.storeUnstorable(.init(name: name, cell: boundBy, reason: why), after: cell, key: "")
        case nil: break
        }
    }
}

extension Array {
    /// The element at `index`, or nil when the index is outside the array.
    func element(_ index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
