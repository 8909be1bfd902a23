import Foundation
import NBDocument

/// Sharing records and environments through the cache server (`RemoteCache`). The local folder
/// stays the working copy: what comes from the server is checked and written there first, and
/// what is stored locally after cells ran is sent to the server.
extension CellResultCache {
    /// The `ac/` key of a document's content (`documentKey` is only used for its file name).
    func remoteKey(_ document: CacheDocument, documentKey: String) -> String {
        CacheValidator.documentHash(document, fileName: URL(fileURLWithPath: documentKey).lastPathComponent)
    }

    /// Fetches the server's record (and environments) for `document` and installs them locally
    /// when they serve more cells than `plan`, the local cache's plan. Returns whether it did.
    func fetchRemote(_ document: CacheDocument, documentKey: String, improving plan: CachePlan,
                     fingerprint: FileFingerprinter) -> Bool {
        guard let remote, let first = plan.firstToRun,
              let entryData = remote.get(.ac, remoteKey(document, documentKey: documentKey)),
              let entry = RemoteEntry(entryData),
              let recordFile = remote.get(.cas, entry.record),
              case .intact(let payload) = ChecksummedFile.open(recordFile, magic: Self.recordMagic),
              let record = try? JSONDecoder().decode(CacheRecord.self, from: payload), record.format == CacheRecord.format
        else { return false }
        let better = CacheValidator.plan(document: document, record: record, fingerprint: fingerprint)
        guard (better.firstToRun ?? Int.max) > first else { return false }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if let key = entry.environments, let environments = remote.get(.cas, key) {
                try AtomicFile.write(environments, to: environmentsURL(for: documentKey), durable: false)
            } else {
                try? FileManager.default.removeItem(at: environmentsURL(for: documentKey))
            }
            try AtomicFile.write(recordFile, to: url(for: documentKey), durable: false)
            return true
        } catch {
            return false
        }
    }

    /// Sends the locally stored record and environments of `document` to the server: the blobs
    /// first, then the entry naming them, so that an entry never names a blob not yet stored.
    func publishRemote(_ document: CacheDocument, documentKey: String) {
        guard let remote, let recordFile = try? Data(contentsOf: url(for: documentKey)) else { return }
        let environments = (try? Data(contentsOf: environmentsURL(for: documentKey))).map { remote.putBlob($0) }
        let entry = RemoteEntry(record: remote.putBlob(recordFile), environments: environments)
        remote.put(.ac, remoteKey(document, documentKey: documentKey), entry.encoded)
    }
}
