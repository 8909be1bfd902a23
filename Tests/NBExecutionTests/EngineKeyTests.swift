import Foundation
import NBHash
import NBLanguage
import NBLearning
import Testing
@testable import NBExecution

/// The cache's engine key is derived from the build: the SHA-256 of the sources of the modules
/// that compute cell results (paths relative to the package and bytes, sorted by path), generated
/// by SourceHashPlugin. An edit to any of them changes the key, so results an older build
/// computed are never served.
@Suite struct EngineKeyTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The hash as nb-source-hash defines it, computed here from the files on disk.
    static func sourceHash(of modules: [String]) throws -> String {
        var paths: [String] = []
        for module in modules {
            let folder = "Sources/\(module)"
            let found = FileManager.default.enumerator(atPath: package.appendingPathComponent(folder).path)?.allObjects as? [String] ?? []
            paths += found.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".c") || $0.hasSuffix(".h") }.map { "\(folder)/\($0)" }
        }
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var hasher = SHA256()
        hasher.updateField("nb-source-hash 1")
        for path in paths {
            let bytes = try Data(contentsOf: package.appendingPathComponent(path))
            hasher.updateField(path)
            hasher.updateField(String(bytes.count))
            hasher.update(bytes)
        }
        return hasher.finalize().hex
    }

    @Test func theEngineKeyIsTheHashOfTheEngineSources() throws {
        let hash = try Self.sourceHash(of: ["NBAutodiff", "CNBKernels", "CNBBLAS", "NBLearning", "NBLanguage", "NBExecution", "NBHash"])
        #expect(EngineSourceHash.value == hash)
        #expect(NotebookExecution.engineVersion == "nb-engine-" + hash.prefix(16) + "+" + ComputeBackend.productClass)
    }

    @Test func anotherEngineKeyInvalidatesEveryCachedCell() {
        var document = CacheDocument(engineVersion: NotebookExecution.engineVersion, options: "o", cells: [CacheCell(source: "1", line: 1)])
        let record = CacheValidator.record(document: document, outcomes: [CellOutcome()], fingerprint: { _ in nil })
        #expect(CacheValidator.plan(document: document, record: record, fingerprint: { _ in nil }).firstToRun == nil)
        document.engineVersion = "nb-engine-" + String(repeating: "0", count: 16)
        #expect(CacheValidator.plan(document: document, record: record, fingerprint: { _ in nil }).decisions == [.run(.engineVersionChanged)])
    }
}
