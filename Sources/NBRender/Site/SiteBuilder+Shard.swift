import Foundation
import NBExecution
import Synchronization

extension SiteBuilder {
    /// Builds one shard (`nb build --shard K/N`): renders this shard's notebooks, which runs their
    /// cells through the renderer's cache (and so stores their results, locally and on the cache
    /// server), and writes no site file: a final `nb build` with the same cache assembles the
    /// site. `weight` gives a notebook's cell time in the previous run, when known.
    public func buildShard(_ shard: SiteShard, weight: (String) -> Double?) -> SiteBuildReport {
        var clock = PhaseClock()
        let sources = SiteSources.scan(options.source, excluding: options.output)
        let slice = shard.slice(sources.notebooks, weight: weight)
        let root = options.source, renderer = self.renderer, progress = options.progress
        let done = Atomic<Int>(0)
        clock.lap("scan")
        let (rendered, loads): ([Rendered], [WorkerLoad]) = measuredParallelMap(slice, jobs: options.jobs) { path in
            defer { progress?(done.wrappingAdd(1, ordering: .relaxed).newValue, slice.count) }
            return Self.render(path, root: root, renderer: renderer)
        }
        clock.lap("render", workers: loads)
        var diagnostics: [SiteDiagnostic] = []
        for item in rendered {
            switch item.result {
            case .success(let render): diagnostics += render.diagnostics
            case .failure(let error):
                diagnostics.append(SiteDiagnostic(file: item.source.relativePath, line: error.line, column: error.column,
                                                  severity: .error, message: error.message))
            }
        }
        return SiteBuildReport(
            pages: rendered.map(\.source.outputPath), written: [], diagnostics: diagnostics,
            failedNotebooks: rendered.filter { (try? $0.result.get())?.failed == true }.map(\.source.relativePath),
            brokenNotebooks: rendered.filter { if case .failure = $0.result { true } else { false } }.map(\.source.relativePath),
            cacheExplanation: rendered.flatMap { (try? $0.result.get())?.cacheExplanation ?? [] }, phases: clock.phases)
    }
}
