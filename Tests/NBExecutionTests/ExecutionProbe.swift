import Foundation
import Synchronization
import NBDocument
import NBLanguage
@testable import NBExecution

/// Records which cells the interpreter really executed: every test cell calls `probe("N")`, a
/// builtin that appends N to a log the test reads (replayed cells call it too, so a replay is
/// visible as well).
final class ExecutionLog: Sendable {
    private let entries = Mutex<[String]>([])

    var cells: [String] { entries.withLock { $0 } }
    func take() -> [String] { entries.withLock { log in defer { log = [] }; return log } }

    /// The standard builtins plus `probe(label)`.
    var registry: BuiltinRegistry {
        var registry = BuiltinRegistry.standard
        registry.register([Builtin("probe", .values, summary: "Logs that the cell ran.", parameters: [.positional("label", .string)],
                                   examples: []) { [self] call throws(LanguageError) in
            let label = try call.string(0, "the label")
            entries.withLock { $0.append(label) }
            return .nothing
        }])
        return registry
    }
}

/// A notebook in a fresh folder with a data file and a `.nb-cache`, built through
/// `NotebookExecution` exactly as `nb build` does (plus the probe builtin).
struct NotebookFixture {
    let root: URL
    let log = ExecutionLog()
    var cacheFolder: URL { root.appendingPathComponent(".nb-cache") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nb-env-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func write(_ text: String, _ name: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Parses `markdown` as `doc.md` in the fixture folder and runs it through the cache.
    func build(_ markdown: String, engine: String = NotebookExecution.engineVersion) throws -> NotebookExecution.Result {
        try write(markdown, "doc.md")
        let document = try DocumentParser.parse(bytes: Array(markdown.utf8))
        var execution = NotebookExecution(document: document, path: root.appendingPathComponent("doc.md").path)
        execution.engine = engine
        return execution.run(cache: CellResultCache(directory: cacheFolder), registry: log.registry)
    }

    /// The same notebook built from scratch in another folder with the same data file.
    func coldBuild(_ markdown: String, data: String) throws -> NotebookExecution.Result {
        try coldBuildWithEnvironments(markdown, data: data).result
    }

    /// A cold build in another folder, with the bytes of the environments it stored.
    func coldBuildWithEnvironments(_ markdown: String, data: String) throws -> (result: NotebookExecution.Result, environments: Data) {
        let other = try NotebookFixture()
        defer { other.remove() }
        try other.write(data, "data.csv")
        let result = try other.build(markdown)
        return (result, try Data(contentsOf: other.environmentFile))
    }

    /// The stored environments of `doc.md`.
    var environmentFile: URL {
        CellResultCache(directory: cacheFolder).environmentsURL(for: root.appendingPathComponent("doc.md").standardizedFileURL.path)
    }
}

/// The bytes of outcomes as the cache would store them (sorted keys): equal bytes, equal output.
func bytes(_ outcomes: [CellOutcome]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(outcomes)
}
