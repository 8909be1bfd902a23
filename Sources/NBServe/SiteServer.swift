import Foundation
import FlyingFox
import Synchronization

/// `nb serve`: serves a built site on 127.0.0.1 only, watches the sources by polling, rebuilds
/// on change and makes open pages reload (see `LiveReload`). A failing rebuild is reported and
/// the server keeps serving (a broken notebook's page is its error page, written by the build).
public final class SiteServer: Sendable {
    /// Rebuilds the site; returns a line to log (or nil). Called once at start and after changes.
    public typealias Rebuild = @Sendable () async -> String?

    public let output: URL
    private let watcher: SourceWatcher
    private let rebuild: Rebuild
    private let pollInterval: Duration
    private let generation = Mutex(0)
    private let server: HTTPServer

    /// - Parameters:
    ///   - port: 0 picks a free port (see `port()` once listening).
    public init(source: URL, output: URL, port: UInt16, pollInterval: Duration = .milliseconds(300), rebuild: @escaping Rebuild) throws {
        self.output = output
        self.watcher = SourceWatcher(root: source, excluding: output)
        self.rebuild = rebuild
        self.pollInterval = pollInterval
        // Loopback only, by construction: the address is fixed here and not configurable.
        self.server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: 15,
                                 logger: .disabled, handler: nil)
    }

    /// The current build generation (incremented after every rebuild).
    public var currentGeneration: Int { generation.withLock { $0 } }

    /// Builds, then serves and watches until the task is cancelled.
    public func run() async throws {
        await rebuildAndBump(reason: nil)
        let files = StaticFiles(root: output)
        await server.appendRoute(HTTPRoute(method: .GET, path: LiveReload.versionPath)) { [weak self] _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain", .init("Cache-Control"): "no-store"],
                         body: Data(String(self?.currentGeneration ?? 0).utf8))
        }
        await server.appendRoute(HTTPRoute(methods: [.GET, .HEAD], path: "*")) { [weak self] request in
            guard let file = files.file(for: request.path), var data = try? Data(contentsOf: file) else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("not found: \(request.path)\n".utf8))
            }
            let type = StaticFiles.contentType(of: file)
            if type.hasPrefix("text/html") {
                data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: self?.currentGeneration ?? 0).utf8)
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: data)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask { try await self.watch() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Waits until the server accepts connections.
    public func waitUntilListening() async throws { try await server.waitUntilListening(timeout: 10) }

    /// The address actually bound (host and port).
    public func boundAddress() async -> (host: String, port: UInt16)? {
        guard case .ip4(let host, let port) = await server.listeningAddress else { return nil }
        return (host, port)
    }

    private func watch() async throws {
        var last = watcher.snapshot()
        while !Task.isCancelled {
            try await Task.sleep(for: pollInterval)
            let now = watcher.snapshot()
            let changed = SourceWatcher.changes(from: last, to: now)
            guard !changed.isEmpty else { continue }
            last = now
            await rebuildAndBump(reason: changed)
        }
    }

    private func rebuildAndBump(reason: [String]?) async {
        if let reason { log("changed: \(reason.prefix(5).joined(separator: ", "))\(reason.count > 5 ? ", …" : "")") }
        if let line = await rebuild() { log(line) }
        generation.withLock { $0 += 1 }
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("nb serve: \(line)\n".utf8))
    }
}
