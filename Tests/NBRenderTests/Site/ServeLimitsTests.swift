#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NBServe

/// `nb serve` against hostile requests and files: a real server on 127.0.0.1, driven by a raw
/// socket client whose every exchange is bounded in size and time.
@Suite struct ServeLimitsTests {
    /// A served folder with a page, a file, and symbolic links into and out of it.
    struct ServedSite {
        let root: URL
        var output: URL { root.appendingPathComponent("site") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-serve-test-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
            try fm.createDirectory(at: output.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data("<html><body><p>home</p></body></html>\n".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("inside\n".utf8).write(to: output.appendingPathComponent("sub/real.txt"))
            try Data("secret\n".utf8).write(to: root.appendingPathComponent("secret.txt"))
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("passwd.txt").path, withDestinationPath: "/etc/passwd")
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("up.txt").path, withDestinationPath: "../secret.txt")
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("etc").path, withDestinationPath: "/etc")
            try fm.createSymbolicLink(atPath: output.appendingPathComponent("alias.txt").path, withDestinationPath: "sub/real.txt")
        }

        /// Serves the folder (no rebuilding) while `body` runs.
        func serving(limits: HTTPLimits? = nil, _ body: (UInt16) async throws -> Void) async throws {
            let server = if let limits {
                SiteServer(source: root.appendingPathComponent("notebooks"), output: output, port: 0,
                           pollInterval: .seconds(60), limits: limits, rebuild: { nil })
            } else {
                try SiteServer(source: root.appendingPathComponent("notebooks"), output: output, port: 0,
                               pollInterval: .seconds(60), rebuild: { nil })
            }
            let task = Task { try await server.run() }
            defer { task.cancel() }
            try await server.waitUntilListening()
            let port = try #require(await server.boundAddress()?.port)
            try await body(port)
        }
    }

    static func request(_ path: String, method: String = "GET", headers: String = "") -> [UInt8] {
        Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n".utf8)
    }

    @Test(.timeLimit(.minutes(1))) func symbolicLinksLeavingTheSiteAreNotServed() async throws {
        let site = try ServedSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try await site.serving { port in
            for path in ["/passwd.txt", "/up.txt", "/etc/passwd", "/etc/", "/etc/hostname"] {
                let answer = RawClient.exchange(port: port, Self.request(path))
                #expect(answer.status == 404, "\(path)")
                #expect(!answer.text.contains("root:"))
                #expect(!answer.text.contains("secret"))
            }
            let inside = RawClient.exchange(port: port, Self.request("/alias.txt"))
            #expect(inside.status == 200 && inside.text.hasSuffix("inside\n"))
            #expect(RawClient.exchange(port: port, Self.request("/sub/real.txt")).status == 200)
        }
        // The same rule without a server.
        let files = StaticFiles(root: site.output)
        #expect(files.file(for: "/passwd.txt") == nil)
        #expect(files.file(for: "/up.txt") == nil)
        #expect(files.file(for: "/etc/passwd") == nil)
        #expect(files.file(for: "/alias.txt")?.lastPathComponent == "real.txt")
        #expect(files.file(for: "/")?.lastPathComponent == "index.html")
    }

    @Test(.timeLimit(.minutes(1))) func oversizedHeadsAreRefused() async throws {
        let site = try ServedSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try await site.serving { port in
            let longTarget = "/" + String(repeating: "a", count: 9 * 1024)
            #expect(RawClient.exchange(port: port, Self.request(longTarget)).status == 414)
            let bigHeader = "X-Big: " + String(repeating: "b", count: 80 * 1024) + "\r\n"
            #expect(RawClient.exchange(port: port, Self.request("/", headers: bigHeader)).status == 431)
            let manyHeaders = (0..<200).map { "X-\($0): v\r\n" }.joined()
            #expect(RawClient.exchange(port: port, Self.request("/", headers: manyHeaders)).status == 431)
            #expect(RawClient.exchange(port: port, Array("GARBAGE\r\n\r\n".utf8)).status == 400)
            #expect(RawClient.exchange(port: port, Self.request("/", method: "POST")).status == 405)
            let head = RawClient.exchange(port: port, Self.request("/", method: "HEAD"))
            #expect(head.status == 200 && head.text.hasSuffix("\r\n\r\n"))
            let page = RawClient.exchange(port: port, Self.request("/"))
            #expect(page.status == 200 && page.text.contains("home") && page.text.contains(LiveReload.versionPath))
        }
    }

    @Test(.timeLimit(.minutes(1))) func hugeRequestsDoNotStopLaterOnes() async throws {
        let site = try ServedSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try await site.serving { port in
            for size in [1 << 20, 4 << 20, 10 << 20] {
                let huge = Self.request("/", headers: "X-Huge: " + String(repeating: "h", count: size) + "\r\n")
                let answer = RawClient.exchange(port: port, huge, timeout: .seconds(5))
                #expect(answer.status == 431 || answer.status == 0)   // 0: the server reset the connection after answering
                let normal = RawClient.exchange(port: port, Self.request("/"), timeout: .seconds(5))
                #expect(normal.status == 200, "after \(size) bytes")
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func slowClientsTimeOutWhileOthersAreAnswered() async throws {
        let site = try ServedSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        var limits = HTTPLimits()
        limits.headTimeout = .milliseconds(500)
        try await site.serving(limits: limits) { port in
            // Three clients that send half a head and then nothing.
            let slow = (0..<3).map { _ in
                RawClient.inBackground { RawClient.exchange(port: port, Array("GET / HTTP/1.1\r\nHost: x".utf8), timeout: .seconds(5)) }
            }
            for _ in 0..<5 {
                #expect(RawClient.exchange(port: port, Self.request("/"), timeout: .seconds(2)).status == 200)
            }
            for client in slow { #expect(client().status == 408) }
        }
    }

    @Test func requestHeadsParse() throws {
        let head = try HTTPRequestHead.parse(Array("\r\nGET /a%20b.html?x=1 HTTP/1.1\r\nHost: h\r\nX-A:  spaced \r\n\r\n".utf8))
        #expect(head.method == "GET" && head.path == "/a%20b.html" && head.version == "HTTP/1.1")
        #expect(head.header("x-a") == "spaced" && head.header("HOST") == "h")
        #expect(throws: HTTPRequestHead.Failure.versionNotSupported) { try HTTPRequestHead.parse(Array("GET / HTTP/2.0\r\n\r\n".utf8)) }
        #expect(throws: HTTPRequestHead.Failure.badRequest) { try HTTPRequestHead.parse(Array("GET /\r\n\r\n".utf8)) }
        #expect(throws: HTTPRequestHead.Failure.badRequest) { try HTTPRequestHead.parse(Array("GET / HTTP/1.1\r\nno colon\r\n\r\n".utf8)) }
    }

    @Test func headScannerStopsAtTheLimits() {
        let limits = HTTPLimits()
        func scan(_ text: [UInt8]) -> (HeadScanner.Step, Int) {
            var scanner = HeadScanner()
            for (index, byte) in text.enumerated() {
                let step = scanner.consume(byte, at: index + 1, limits: limits)
                if step != .more { return (step, index + 1) }
            }
            return (.more, text.count)
        }
        let ok = Array("GET / HTTP/1.1\r\nA: b\r\n\r\nbody".utf8)
        #expect(scan(ok) == (.done, ok.count - 4))
        #expect(scan(Array("GET / HTTP/1.1\n\n".utf8)).0 == .done)
        #expect(scan(Array(repeating: UInt8(ascii: "a"), count: 20_000)) == (.failed(.uriTooLong), limits.maximumRequestLine + 1))
        let headers = Array("GET / HTTP/1.1\r\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 20_000)
        #expect(scan(headers) == (.failed(.headerFieldsTooLarge), limits.maximumHead + 1))
    }
}

/// A minimal HTTP client on a raw socket: sends bytes, then reads until the server closes.
enum RawClient {
    struct Answer: Sendable {
        var text: String
        /// The status code of the first line, or 0 when there was no answer.
        var status: Int {
            guard text.hasPrefix("HTTP/1.1 "), let code = Int(text.dropFirst(9).prefix(3)) else { return 0 }
            return code
        }
    }

    /// Runs `body` on a thread of its own (not the tests' shared pool); the result waits for it.
    static func inBackground(_ body: @escaping @Sendable () -> Answer) -> () -> Answer {
        final class Box: @unchecked Sendable { var answer = Answer(text: "") }
        let box = Box(), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { box.answer = body(); done.signal() }
        return { done.wait(); return box.answer }
    }

    static func exchange(port: UInt16, _ bytes: [UInt8], timeout: Duration = .seconds(10)) -> Answer {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return Answer(text: "") }
        defer { close(fd) }
        let seconds = Int(timeout.components.seconds)
        var time = timeval(tv_sec: .init(seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return Answer(text: "") }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                send(fd, buffer.baseAddress! + offset, min(65536, buffer.count - offset), Int32(MSG_NOSIGNAL))
                #else
                send(fd, buffer.baseAddress! + offset, min(65536, buffer.count - offset), 0)
                #endif
            }
            guard sent > 0 else { break }   // the server answered early and closed
            offset += sent
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + timeout
        while received.count < 1 << 20, ContinuousClock.now < deadline {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        return Answer(text: String(decoding: received, as: UTF8.self))
    }
}
