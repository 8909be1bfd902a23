import Foundation
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
    private let requestedPort: UInt16
    private let limits: HTTPLimits
    private let generation = Mutex(0)
    private let listening = Mutex<LoopbackHTTPServer?>(nil)

    /// - Parameters:
    ///   - port: 0 picks a free port (see `boundAddress()` once listening).
    public convenience init(source: URL, output: URL, port: UInt16, pollInterval: Duration = .milliseconds(300),
                            rebuild: @escaping Rebuild) throws {
        self.init(source: source, output: output, port: port, pollInterval: pollInterval, limits: HTTPLimits(), rebuild: rebuild)
    }

    init(source: URL, output: URL, port: UInt16, pollInterval: Duration, limits: HTTPLimits, rebuild: @escaping Rebuild) {
        self.output = output
        self.watcher = SourceWatcher(root: source, excluding: output)
        self.rebuild = rebuild
        self.pollInterval = pollInterval
        self.requestedPort = port
        self.limits = limits
    }

    /// The current build generation (incremented after every rebuild).
    public var currentGeneration: Int { generation.withLock { $0 } }

    /// Listens, builds, then serves and watches until the task is cancelled.
    /// - Throws: when it cannot listen on the port (in use, not permitted).
    public func run() async throws {
        let files = StaticFiles(root: output)
        let server = try LoopbackHTTPServer(port: requestedPort, limits: limits) { [weak self] request in
            self?.respond(to: request, files: files) ?? .text(.serviceUnavailable, "stopping")
        }
        // Accepting starts now, on its own thread: requests are answered (from the previous
        // build's files) even while the first build runs, and whatever the task pool is doing.
        server.start()
        defer { server.stop() }
        listening.withLock { $0 = server }
        await rebuildAndBump(reason: nil)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await server.run() }
            group.addTask { try await self.watch() }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Waits (up to 10 s) until the server accepts connections.
    public func waitUntilListening() async throws {
        for _ in 0..<1000 where listening.withLock({ $0 == nil }) { try await Task.sleep(for: .milliseconds(10)) }
    }

    /// The address actually bound (host and port), once listening.
    public func boundAddress() async -> (host: String, port: UInt16)? {
        listening.withLock { $0.map { ("127.0.0.1", $0.port) } }
    }

    private func respond(to request: HTTPRequestHead, files: StaticFiles) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPResponse(status: .methodNotAllowed, contentType: "text/plain; charset=utf-8",
                                body: Array("only GET and HEAD\n".utf8), extraHeaders: [("Allow", "GET, HEAD")])
        }
        let path = request.path
        if path == LiveReload.versionPath {
            return HTTPResponse(status: .ok, contentType: "text/plain", body: Array(String(currentGeneration).utf8))
        }
        guard let file = files.file(for: path), let data = try? Data(contentsOf: file) else {
            return .text(.notFound, "not found: \(path)")
        }
        let type = StaticFiles.contentType(of: file)
        if type.hasPrefix("text/html") {
            return HTTPResponse(status: .ok, contentType: type,
                                body: Array(LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: currentGeneration).utf8))
        }
        return HTTPResponse(status: .ok, contentType: type, body: [UInt8](data))
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
