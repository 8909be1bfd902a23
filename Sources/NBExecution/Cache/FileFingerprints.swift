import Foundation
import NBHash

/// Content hashes of data files relative to a notebook's folder, for the cache.
public enum FileFingerprints {
    /// A fingerprinter that hashes files under `folder` with SHA-256 (nil when a file is missing).
    public static func sha256(relativeTo folder: URL) -> FileFingerprinter {
        { path in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(path)) else { return nil }
            return SHA256.hex(data)
        }
    }
}
