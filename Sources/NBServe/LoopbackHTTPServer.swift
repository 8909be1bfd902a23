#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1, enough for `nb serve`: GET and HEAD, one request per
/// connection. Each connection has its own thread, so a slow or hostile client never holds up
/// the others; a client must send its whole head within `HTTPLimits.headTimeout` and at most
/// `HTTPLimits.maximumHead` bytes of it (the head is scanned once, in linear time).
final class LoopbackHTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequestHead) -> HTTPResponse

    /// Why the server could not listen.
    struct ListenError: Error, CustomStringConvertible {
        var description: String
    }

    let limits: HTTPLimits
    /// The port actually bound (the requested one, or the one the system picked for 0).
    let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let state = Mutex(State())

    private struct State {
        var started = false
        var stopped = false
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
        var connections = 0
    }

    /// Binds and listens on 127.0.0.1 (loopback only, by construction: the address is fixed here).
    init(port: UInt16, limits: HTTPLimits = HTTPLimits(), handler: @escaping Handler) throws(ListenError) {
        self.limits = limits
        self.handler = handler
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ListenError(description: Self.lastError()) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian   // 127.0.0.1
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let message = Self.lastError()
            close(fd)
            throw ListenError(description: message)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Starts accepting connections on a thread of its own (once; later calls do nothing).
    func start() {
        let first = state.withLock { state -> Bool in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        let thread = Thread { [self] in
            acceptLoop()
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.finished = true
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
        thread.name = "nb serve: accept"
        thread.start()
    }

    /// Accepts connections until the task is cancelled, then closes the listening socket.
    func run() async {
        start()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let finished = state.withLock { state -> Bool in
                    if !state.finished { state.waiter = done }
                    return state.finished
                }
                if finished { done.resume() }
            }
        } onCancel: {
            stop()
        }
    }

    /// Stops accepting (connections being answered finish on their own).
    func stop() {
        state.withLock { $0.stopped = true }
    }

    /// Connections being handled now.
    var activeConnections: Int { state.withLock { $0.connections } }

    private func acceptLoop() {
        defer { close(listener) }
        while !state.withLock({ $0.stopped }) {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Self.disableSIGPIPE(client)
            let admitted = state.withLock { state -> Bool in
                guard state.connections < limits.maximumConnections else { return false }
                state.connections += 1
                return true
            }
            guard admitted else {
                // Full: answer at once without reading, and never wait on this client.
                setTimeout(client, SO_SNDTIMEO, .milliseconds(100))
                send(client, HTTPResponse.text(.serviceUnavailable, "busy; try again").serialized(includeBody: true))
                close(client)
                continue
            }
            let thread = Thread { [self] in
                serve(client)
                close(client)
                state.withLock { $0.connections -= 1 }
            }
            thread.stackSize = 1 << 20
            thread.name = "nb serve: connection"
            thread.start()
        }
    }

    /// Reads one request head, answers it, and lets the client read the answer.
    private func serve(_ client: Int32) {
        setTimeout(client, SO_SNDTIMEO, limits.sendTimeout)
        let response: HTTPResponse
        var includeBody = true
        switch readHead(client) {
        case .closed:
            return
        case .failed(let status):
            response = .text(status, status.reason.lowercased())
        case .complete(let bytes):
            do {
                let head = try HTTPRequestHead.parse(bytes, limits: limits)
                includeBody = head.method != "HEAD"
                response = handler(head)
            } catch {
                response = .text(error.status, error.status.reason.lowercased())
            }
        }
        send(client, response.serialized(includeBody: includeBody))
        // Half-close and read briefly what the client still sends, so that it gets the answer
        // rather than a reset.
        shutdown(client, Int32(SHUT_WR))
        drain(client, upTo: 64 * 1024, within: .milliseconds(200))
    }

    enum HeadRead: Equatable {
        case complete([UInt8])
        case failed(HTTPStatus)
        case closed
    }

    /// Reads until the empty line that ends the head, within the limits: a request line longer
    /// than `maximumRequestLine` fails with 414, a head over `maximumHead` with 431, a client
    /// slower than `headTimeout` with 408. Each byte is looked at once.
    private func readHead(_ client: Int32) -> HeadRead {
        let deadline = ContinuousClock.now + limits.headTimeout
        var buffer: [UInt8] = []
        buffer.reserveCapacity(2048)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var scanner = HeadScanner()
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return .failed(.requestTimeout) }
            var waiting = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Int32(clamping: max(1, remaining.milliseconds)))
            if ready < 0 { if errno == EINTR { continue } else { return .closed } }
            if ready == 0 { return .failed(.requestTimeout) }
            let wanted = min(chunk.count, limits.maximumHead + 1 - buffer.count)
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, wanted, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return .closed }
            for byte in chunk[0..<count] {
                buffer.append(byte)
                switch scanner.consume(byte, at: buffer.count, limits: limits) {
                case .more: continue
                case .done: return .complete(buffer)
                case .failed(let status): return .failed(status)
                }
            }
        }
    }

    private func drain(_ client: Int32, upTo limit: Int, within time: Duration) {
        let deadline = ContinuousClock.now + time
        var chunk = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total < limit {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return }
            var waiting = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, Int32(clamping: max(1, remaining.milliseconds))) > 0 else { return }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            total += count
        }
    }

    private func send(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.send(client, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(client, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #endif
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }   // closed, or the send timeout passed
            offset += sent
        }
    }

    private func setTimeout(_ fd: Int32, _ option: Int32, _ duration: Duration) {
        let microseconds = max(1, duration.milliseconds) * 1000
        var value = timeval(tv_sec: .init(microseconds / 1_000_000), tv_usec: .init(microseconds % 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func disableSIGPIPE(_ fd: Int32) {
        #if canImport(Darwin)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Finds the end of a request head one byte at a time and enforces its size limits.
struct HeadScanner {
    enum Step: Equatable { case more, done, failed(HTTPStatus) }

    private var requestLineEnded = false
    private var sawContent = false
    /// Bytes since the last line feed, carriage returns excluded.
    private var lineLength = 0

    /// Takes the `count`-th byte of the head.
    mutating func consume(_ byte: UInt8, at count: Int, limits: HTTPLimits) -> Step {
        if byte == UInt8(ascii: "\n") {
            defer { lineLength = 0 }
            guard sawContent else { return .more }          // empty lines before the request line
            if !requestLineEnded { requestLineEnded = true; return .more }
            return lineLength == 0 ? .done : .more
        }
        if byte != UInt8(ascii: "\r") { lineLength += 1; sawContent = true }
        if !requestLineEnded && count > limits.maximumRequestLine { return .failed(.uriTooLong) }
        if count > limits.maximumHead { return .failed(.headerFieldsTooLarge) }
        return .more
    }
}

extension Duration {
    /// Whole milliseconds (rounded down).
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
