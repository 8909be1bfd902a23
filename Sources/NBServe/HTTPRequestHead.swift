/// The request line and headers of an HTTP/1.x request, read in one linear pass over bytes that
/// the connection has already capped in size (see `HTTPLimits`).
struct HTTPRequestHead: Sendable, Equatable {
    var method: String
    /// The request target as sent (`/a/b.html?x=1`).
    var target: String
    var version: String
    /// Header fields in order, names lowercased.
    var headers: [(name: String, value: String)]

    static func == (a: HTTPRequestHead, b: HTTPRequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The target's path, without the query or fragment.
    var path: String {
        var end = target.endIndex
        if let mark = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { end = mark }
        return String(target[..<end])
    }

    /// The first value of a header (name compared case-insensitively).
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first(where: { $0.name == lowered })?.value
    }

    /// Why a head is refused, as the status to answer.
    enum Failure: Error, Equatable {
        case badRequest
        case uriTooLong
        case headersTooLarge
        case versionNotSupported

        var status: HTTPStatus {
            switch self {
            case .badRequest: .badRequest
            case .uriTooLong: .uriTooLong
            case .headersTooLarge: .headerFieldsTooLarge
            case .versionNotSupported: .versionNotSupported
            }
        }
    }

    /// Parses a complete head: `bytes` ends with the empty line (CRLF or LF) that closes it.
    static func parse(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) throws(Failure) -> HTTPRequestHead {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            var end = index
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(bytes[start..<end])
            start = index + 1
        }
        // A client may send empty lines before the request line (RFC 9112 §2.2).
        while let first = lines.first, first.isEmpty, lines.count > 1 { lines.removeFirst() }
        guard let requestLine = lines.first, !requestLine.isEmpty else { throw .badRequest }
        guard requestLine.count <= limits.maximumRequestLine else { throw .uriTooLong }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy({ isTokenByte($0) }), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw .badRequest }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .versionNotSupported }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() where !line.isEmpty {
            guard headers.count < limits.maximumHeaderCount else { throw .headersTooLarge }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ isTokenByte($0) }) else { throw .badRequest }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            headers.append((name, String(decoding: value, as: UTF8.self)))
        }
        return HTTPRequestHead(method: String(decoding: parts[0], as: UTF8.self),
                               target: String(decoding: parts[1], as: UTF8.self), version: version, headers: headers)
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

/// Bounds on what one connection may send and how long it may take.
struct HTTPLimits: Sendable {
    /// Longest request line (method, target, version); longer gets 414.
    var maximumRequestLine = 8 * 1024
    /// Largest head (request line and headers); larger gets 431.
    var maximumHead = 16 * 1024
    /// Most header fields; more gets 431.
    var maximumHeaderCount = 100
    /// Time a client has to send its whole head; slower gets 408 and is disconnected.
    var headTimeout: Duration = .seconds(10)
    /// Time a client may take to accept the response before it is disconnected.
    var sendTimeout: Duration = .seconds(10)
    /// Connections handled at once; more are answered 503 at once.
    var maximumConnections = 64
}
