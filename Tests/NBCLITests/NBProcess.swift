import Foundation

/// Runs the built `nb` executable as a subprocess.
struct NBProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `nb` binary next to the test bundle (`.build/<config>/nb`), or in the repository's
    /// debug build folder.
    static let executable: URL? = {
        let fileManager = FileManager.default
        var folders: [URL] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first)
            // `swift test` runs `<name>.xctest`, a file on Linux and a bundle on macOS.
            for _ in 0..<4 {
                url = url.deletingLastPathComponent()
                folders.append(url)
            }
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folders.append(repository.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("nb") }.first {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: $0.path)
        }
    }()

    /// Runs `nb arguments…` in `directory`.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        guard let executable else { throw NBProcessError.notBuilt }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nb-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum NBProcessError: Error { case notBuilt }
