import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real nginx with WebDAV PUT on a loopback port, started by a test as the current user with a
/// temporary configuration and root, in the layout a cache server needs (`PUT` creates folders).
final class LoopbackNginx {
    static let program = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isInstalled: Bool { program != nil }

    let folder: URL
    let port: Int
    private let process: Process

    /// The folder the server stores what it is sent in.
    var root: URL { folder.appendingPathComponent("root") }
    var url: String { "http://127.0.0.1:\(port)/nb" }

    /// Starts nginx on a free port (tries a few) and waits until it accepts connections.
    init() throws {
        guard let program = Self.program else { throw Failure("nginx is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-nginx-\(UUID().uuidString)")
        for sub in ["root", "temp"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for attempt in 0..<8 {
            let port = LoopbackPort.free()
            try Data(Self.configuration(folder: folder, port: port).utf8).write(to: folder.appendingPathComponent("nginx.conf"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-p", folder.path, "-c", folder.appendingPathComponent("nginx.conf").path, "-e", folder.appendingPathComponent("error.log").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if LoopbackPort.waitUntilListening(port, while: { process.isRunning }) {
                self.port = port
                self.process = process
                return
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            if attempt == 7 {
                let log = (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
                throw Failure("nginx did not start: \(log)")
            }
        }
        throw Failure("nginx did not start")
    }

    /// Stops the server (the process this object started) and removes its folder.
    func stop() {
        // SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM among them.
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }

    /// Files the server holds under `nb/SPACE/` (`ac` or `cas`).
    func stored(_ space: String) -> [URL] {
        let folder = root.appendingPathComponent("nb").appendingPathComponent(space)
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    static func configuration(folder: URL, port: Int) -> String {
        let temp = folder.appendingPathComponent("temp").path
        return """
        daemon off;
        master_process off;
        worker_processes 1;
        \(getuid() == 0 ? "user root;" : "")
        pid \(folder.appendingPathComponent("nginx.pid").path);
        error_log \(folder.appendingPathComponent("error.log").path);
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path \(temp)/body;
            proxy_temp_path \(temp)/proxy;
            fastcgi_temp_path \(temp)/fastcgi;
            uwsgi_temp_path \(temp)/uwsgi;
            scgi_temp_path \(temp)/scgi;
            server {
                listen 127.0.0.1:\(port);
                root \(folder.appendingPathComponent("root").path);
                client_max_body_size 0;
                location / {
                    dav_methods PUT;
                    create_full_put_path on;
                    dav_access user:rw;
                }
            }
        }

        """
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Loopback TCP ports for tests.
enum LoopbackPort {
    /// A port nothing listens on right now (the kernel's choice for port 0, released again).
    static func free() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : 0
    }

    /// Whether something accepts connections on `port`; polls while `alive()` holds, 20 s at most.
    static func waitUntilListening(_ port: Int, while alive: () -> Bool) -> Bool {
        for _ in 0..<400 {
            if accepts(port) { return true }
            if !alive() { return false }
            usleep(50_000)
        }
        return false
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
