import Foundation
import NBHash
import Testing
@testable import NBRender

/// Rendered pages are keyed on the renderer's sources too (SourceHashPlugin): the SHA-256 of the
/// sources of NBDocument and NBRender, paths and bytes in path order.
@Suite struct RendererKeyTests {
    @Test func theRendererKeyIsTheHashOfTheRendererSources() throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var paths: [String] = []
        for module in ["NBDocument", "NBRender"] {
            let found = FileManager.default.enumerator(atPath: package.appendingPathComponent("Sources/\(module)").path)?.allObjects as? [String] ?? []
            paths += found.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".c") || $0.hasSuffix(".h") }.map { "Sources/\(module)/\($0)" }
        }
        paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var hasher = SHA256()
        hasher.updateField("nb-source-hash 1")
        for path in paths {
            let bytes = try Data(contentsOf: package.appendingPathComponent(path))
            hasher.updateField(path); hasher.updateField(String(bytes.count)); hasher.update(bytes)
        }
        #expect(RendererSourceHash.value == hasher.finalize().hex)
    }
}
