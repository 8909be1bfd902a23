import Foundation
import Testing

/// The engine as a dependency (docs/engine-package.md): a package outside this one names nb by a
/// git URL and a version, exactly as a user's would, and builds and runs the README's
/// `NBAutodiff` example. The URL is `file://` to a bare clone of this repository's committed
/// `HEAD` tagged `1.0.0` (the working tree's uncommitted edits are not in it); SwiftPM treats it
/// as it treats a remote one, so unsafe flags, a missing product or a broken manifest fail here.
///
/// A clean `swift build` of the consumer takes minutes, so the test runs where `CI` is set (as
/// `.ci/run` has it) or `NB_CONSUMER_PACKAGE_TEST=1` asks for it.
@Suite struct ConsumerPackageTests {
    static let enabled = ProcessInfo.processInfo.environment["CI"] != nil
        || ProcessInfo.processInfo.environment["NB_CONSUMER_PACKAGE_TEST"] == "1"

    /// The README's first Swift block that imports NBAutodiff, followed by a line printing its results.
    static func readmeExample() throws -> String {
        let readme = try String(contentsOf: NBProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        let example = try #require(blocks.first { $0.contains("import NBAutodiff") }, "README has no NBAutodiff example")
        return example + "\nprint(\"reverse:\", reverse, \"forward:\", forward, \"numeric:\", numeric.count, \"hessian:\", h)\n"
    }

    static let manifest = """
        // swift-tools-version:6.1
        import PackageDescription

        let package = Package(
            name: "Consumer",
            dependencies: [.package(url: "URL", from: "1.0.0")],
            targets: [
                .executableTarget(name: "Consumer", dependencies: [.product(name: "NBAutodiff", package: "nb")]),
            ]
        )
        """

    @discardableResult
    static func run(_ arguments: [String], in folder: URL) throws -> NBProcess.Result {
        let result = try NBProcess.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: folder)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")) failed:\n\(result.stdout)\n\(result.stderr)")
        return result
    }

    @Test(.enabled(if: enabled, "set CI or NB_CONSUMER_PACKAGE_TEST=1 (a clean build of a consumer package takes minutes)"))
    func consumerPackageBuildsAndRunsTheReadmeExample() throws {
        let folder = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let remote = folder.appendingPathComponent("nb.git")
        try Self.run(["git", "init", "--quiet", "--bare", remote.path], in: folder)
        try Self.run(["git", "push", "--quiet", remote.path, "HEAD:refs/heads/main"], in: NBProcess.repository)
        try Self.run(["git", "tag", "1.0.0", "main"], in: remote)

        let consumer = folder.appendingPathComponent("Consumer")
        let sources = consumer.appendingPathComponent("Sources/Consumer")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.manifest.replacingOccurrences(of: "URL", with: remote.absoluteString)
            .write(to: consumer.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try Self.readmeExample().write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let build = try Self.run(["timeout", "1500", "swift", "build", "--package-path", consumer.path], in: consumer)
        guard build.status == 0 else { return }
        let output = try Self.run([consumer.appendingPathComponent(".build/debug/Consumer").path], in: consumer)
        #expect(output.stdout.contains("∂f/∂x(x, y) = y + cos(x)"), "\(output.stdout)")
        #expect(output.stdout.contains("reverse: [2.5403023058681398, 1.0]"), "\(output.stdout)")
    }
}
