import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NBHash
import Synchronization

/// A cache server shared between machines (`nb build --cache-url URL`), in the layout of Bazel's
/// HTTP remote cache: `URL/cas/<sha256>` holds a blob whose SHA-256 is its name, `URL/ac/<sha256>`
/// an entry keyed by what was computed (here a `RemoteEntry` naming the blobs of one notebook's
/// cell record and stored environments). Blobs are fetched with GET and stored with PUT, so
/// bazel-remote, nginx with WebDAV or an S3-compatible endpoint can serve it.
///
/// It never fails a build: a blob whose bytes do not hash to its name is refused, and the first
/// transport error, timeout or unexpected status turns the server off for the rest of the build
/// and leaves one `warning`; everything then comes from the local cache. A 404 is a plain miss.
/// One instance per build.
public final class RemoteCache: Sendable {
    /// The two key spaces of the layout.
    public enum Space: String, Sendable { case ac, cas }

    /// The server's base URL (`http://host:port/prefix`).
    public let url: URL
    /// Seconds a request may take before the server counts as failing.
    public let timeout: Double
    private let session: URLSession
    private let state = Mutex(State())

    private struct State {
        var failure: String?
        var downloads = 0
        var uploads = 0
    }

    /// `url` must be `http` or `https`.
    public init(url: URL, timeout: Double = 10) {
        self.url = url
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 3
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// Whether `text` is a URL nb can use as a cache server (http or https with a host).
    public static func validURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }

    /// The one warning of the build (nil while the server behaves).
    public var warning: String? {
        state.withLock { state in
            state.failure.map { "cache server \(url.absoluteString): \($0); this build used the local cache only" }
        }
    }

    /// Blobs fetched and stored so far.
    public var transfers: (downloads: Int, uploads: Int) { state.withLock { ($0.downloads, $0.uploads) } }

    /// The blob stored under `key` (64 hex digits); nil when absent or when the server fails.
    /// A `cas` blob is returned only when its SHA-256 is `key`.
    public func get(_ space: Space, _ key: String) -> Data? {
        guard isAlive else { return nil }
        var request = URLRequest(url: location(space, key))
        request.httpMethod = "GET"
        switch perform(request) {
        case .failed(let why): fail(why); return nil
        case .status(404, _): return nil
        case .status(200, let data):
            if space == .cas, SHA256.hex(data) != key {
                fail("it served cas/\(key) with other content (SHA-256 \(SHA256.hex(data).prefix(12))…)")
                return nil
            }
            state.withLock { $0.downloads += 1 }
            return data
        case .status(let code, _): fail("GET \(space.rawValue)/\(key.prefix(12))… answered HTTP \(code)"); return nil
        }
    }

    /// Stores `data` under `key`; a failure turns the server off (with the build's warning).
    public func put(_ space: Space, _ key: String, _ data: Data) {
        guard isAlive else { return }
        var request = URLRequest(url: location(space, key))
        request.httpMethod = "PUT"
        request.httpBody = data
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        switch perform(request) {
        case .failed(let why): fail(why)
        case .status(let code, _) where (200..<300).contains(code): state.withLock { $0.uploads += 1 }
        case .status(let code, _): fail("PUT \(space.rawValue)/\(key.prefix(12))… answered HTTP \(code)")
        }
    }

    /// Stores `data` in the content-addressed space and returns its key.
    @discardableResult
    public func putBlob(_ data: Data) -> String {
        let key = SHA256.hex(data)
        put(.cas, key, data)
        return key
    }

    private var isAlive: Bool { state.withLock { $0.failure == nil } }

    private func fail(_ why: String) {
        state.withLock { if $0.failure == nil { $0.failure = why } }
    }

    private func location(_ space: Space, _ key: String) -> URL {
        url.appendingPathComponent(space.rawValue).appendingPathComponent(key)
    }

    private enum Answer: Sendable { case status(Int, Data), failed(String) }

    /// One request, waited for (builds run on worker threads, not in async contexts).
    private func perform(_ request: URLRequest) -> Answer {
        let done = DispatchSemaphore(value: 0)
        let answer = AnswerSlot()
        let task = session.dataTask(with: request) { data, response, error in
            let result: Answer
            if let error {
                result = .failed((error as NSError).localizedDescription)
            } else if let http = response as? HTTPURLResponse {
                result = .status(http.statusCode, data ?? Data())
            } else {
                result = .failed("not an HTTP answer")
            }
            answer.value.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout * 3 + 1) == .timedOut {
            task.cancel()
            return .failed("no answer within \(Int(timeout)) s")
        }
        return answer.value.withLock { $0 } ?? .failed("no answer")
    }

    /// Where the completion handler leaves the answer.
    private final class AnswerSlot: Sendable {
        let value = Mutex<Answer?>(nil)
    }
}
