import Foundation
import Testing
@testable import NBExecution

/// The repository's own notebooks (models, training histories, data sets, symbolic derivatives,
/// plots): an edited cell runs from the stored environment, nothing before it executes, and the
/// output equals a cold build's byte for byte.
@Suite struct RepositoryNotebookCacheTests {
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")

    /// `markdown` with `edited = 1` added at the end of its `index`-th cell (0-based).
    static func editing(_ markdown: String, cell index: Int) -> String? {
        var searchFrom = markdown.startIndex
        for _ in 0...index {
            guard let open = markdown.range(of: "\n```nb", range: searchFrom..<markdown.endIndex) else { return nil }
            searchFrom = open.upperBound
        }
        guard let close = markdown.range(of: "\n```", range: searchFrom..<markdown.endIndex) else { return nil }
        var edited = markdown
        edited.insert(contentsOf: "\nedited = 1", at: close.lowerBound)
        return edited
    }

    @Test(arguments: ["learning.md", "autodiff.md"])
    func editingACellRestoresTheEnvironmentBeforeIt(name: String) throws {
        let source = Self.notebooks.appendingPathComponent(name)
        guard let markdown = try? String(contentsOf: source, encoding: .utf8) else { return }   // no notebooks: nothing to check
        let f = try NotebookFixture()
        defer { f.remove() }
        try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent("data"), to: f.root.appendingPathComponent("data"))
        let first = try f.build(markdown)
        let count = first.outcomes.count
        #expect(count >= 5)
        for index in [count / 2, count - 1] {
            guard let edited = Self.editing(markdown, cell: index) else { Issue.record("no cell \(index)"); continue }
            let warm = try f.build(edited)
            #expect(warm.ran == Array(index..<count))
            #expect(warm.replayed.isEmpty, "\(warm.explanation)")
            let cold = try NotebookFixture()
            defer { cold.remove() }
            try FileManager.default.copyItem(at: Self.notebooks.appendingPathComponent("data"), to: cold.root.appendingPathComponent("data"))
            #expect(try bytes(warm.outcomes) == bytes(try cold.build(edited).outcomes), "\(name), cell \(index + 1) edited")
            _ = try f.build(markdown)   // back to the original (restores again)
        }
    }
}
