import Foundation

/// Runs the Python peer scripts in Tests/Peers (found from this file's path or the working
/// directory) and decodes their one-line JSON output; nil when python3 or the peer is missing.
struct PeerRunner {
    let directory: URL?

    init() {
        let candidates = [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Tests/Peers").standardized,
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Tests/Peers"),
        ]
        directory = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("autodiff_micrograd.py").path) }
    }

    func json(_ script: String, _ arguments: [String], timeout: TimeInterval = 300) -> [String: Any]? {
        guard let directory else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        let reader = output.fileHandleForReading
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if process.isRunning { process.terminate(); return nil }
        data = reader.readDataToEndOfFile()
        guard process.terminationStatus == 0,
              let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { return nil }
        return object
    }
}
