import NBHash
import NBLanguage

/// Compares a document with its stored record: the pure logic of the cache, no file system.
enum CacheValidator {
    /// Hash of engine version and options: the seed of every cell's prefix chain.
    static func rootHash(_ document: CacheDocument) -> String {
        var hasher = SHA256()
        hasher.updateField("nb-cell-cache")
        hasher.updateField(document.engineVersion)
        hasher.updateField(document.options)
        return hasher.finalize().hex
    }

    /// Prefix hashes: entry k covers the root and the sources of cells 0…k.
    /// The document's content address for the shared cache: engine, options, every cell's source
    /// and the notebook's file name (not its folder, which differs between machines).
    static func documentHash(_ document: CacheDocument, fileName: String) -> String {
        var hasher = SHA256()
        hasher.updateField("nb-remote-document")
        hasher.updateField(prefixHashes(document).last ?? rootHash(document))
        hasher.updateField(fileName)
        return hasher.finalize().hex
    }

    static func prefixHashes(_ document: CacheDocument) -> [String] {
        var previous = rootHash(document)
        return document.cells.map { cell in
            var hasher = SHA256()
            hasher.updateField(previous)
            hasher.updateField(cell.source)
            previous = hasher.finalize().hex
            return previous
        }
    }

    /// Per cell, a hash of its prefix hash and of every data file read by it or an earlier cell
    /// with that file's content hash: what an environment stored after the cell depends on.
    static func stateKeys(_ record: CacheRecord) -> [String] {
        var previous = "nb-environment"
        return record.cells.map { cell in
            var hasher = SHA256()
            hasher.updateField(previous)
            hasher.updateField(cell.prefixHash)
            for file in cell.files { hasher.updateField(file.path); hasher.updateField(file.hash) }
            previous = hasher.finalize().hex
            return previous
        }
    }

    static func plan(document: CacheDocument, stored: StoredRecord, fingerprint: FileFingerprinter) -> CachePlan {
        let count = document.cells.count
        switch stored {
        case .missing: return CachePlan(decisions: Array(repeating: .run(.notCached), count: count))
        case .damaged: return CachePlan(decisions: Array(repeating: .run(.cacheDamaged), count: count))
        case .record(let record): return plan(document: document, record: record, fingerprint: fingerprint)
        }
    }

    static func plan(document: CacheDocument, record: CacheRecord?, fingerprint: FileFingerprinter) -> CachePlan {
        let count = document.cells.count
        guard let record else { return CachePlan(decisions: Array(repeating: .run(.notCached), count: count)) }
        if record.engineVersion != document.engineVersion {
            return CachePlan(decisions: Array(repeating: .run(.engineVersionChanged), count: count))
        }
        if record.optionsHash != SHA256.hex(document.options) {
            return CachePlan(decisions: Array(repeating: .run(.optionsChanged), count: count))
        }
        let prefixes = prefixHashes(document)
        var decisions: [CachePlan.Decision] = []
        decisions.reserveCapacity(count)
        var invalid = false
        for (index, cell) in document.cells.enumerated() {
            if invalid { decisions.append(.run(.earlierCellChanged)); continue }
            guard index < record.cells.count else { decisions.append(.run(.notCached)); invalid = true; continue }
            let stored = record.cells[index]
            if stored.sourceHash != SHA256.hex(cell.source) {
                decisions.append(.run(.sourceChanged)); invalid = true; continue
            }
            if stored.prefixHash != prefixes[index] {
                decisions.append(.run(.earlierCellChanged)); invalid = true; continue
            }
            if let changed = stored.files.first(where: { fingerprint($0.path) != $0.hash }) {
                decisions.append(.run(.dataFileChanged(changed.path))); invalid = true; continue
            }
            decisions.append(.cached(stored.outcome.shiftingLines(by: cell.line - stored.line)))
        }
        return CachePlan(decisions: decisions)
    }

    static func record(document: CacheDocument, outcomes: [CellOutcome], seconds: [Double?] = [],
                       fingerprint: FileFingerprinter) -> CacheRecord {
        let prefixes = prefixHashes(document)
        let cells = zip(document.cells, outcomes).enumerated().map { index, pair in
            let (cell, outcome) = pair
            let files = Array(Set(outcome.filesRead)).sorted().map { path in
                CacheRecord.FileStamp(path: path, hash: fingerprint(path) ?? "missing")
            }
            return CacheRecord.CellRecord(sourceHash: SHA256.hex(cell.source), prefixHash: prefixes[index],
                                          files: files, line: cell.line, outcome: outcome,
                                          seconds: index < seconds.count ? seconds[index] : nil)
        }
        return CacheRecord(format: CacheRecord.format, engineVersion: document.engineVersion,
                           optionsHash: SHA256.hex(document.options), cells: cells)
    }
}

extension CellOutcome {
    /// The same outcome with every source position moved by `delta` lines (the cell moved in its file).
    func shiftingLines(by delta: Int) -> CellOutcome {
        guard delta != 0 else { return self }
        var copy = self
        copy.error?.location.line += delta
        for i in copy.checks.indices { copy.checks[i].location.line += delta }
        return copy
    }
}
