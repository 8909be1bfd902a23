import Foundation

extension SiteBuilder {
    /// Builds one shard (`nb build --shard K/N`): renders this shard's notebooks, which runs their
    /// cells through the renderer's cache (and so stores their results, locally and on the cache
    /// server), and writes no site file: a final `nb build` with the same cache assembles the
    /// site. `weight` gives a notebook's cell time in the previous run, when known.
    public func buildShard(_ shard: SiteShard, weight: (String) -> Double?) -> SiteBuildReport {
        var clock = PhaseClock()
        let sources = SiteSources.scan(options.source, excluding: options.output)
        let slice = shard.slice(sources.notebooks, weight: weight)
        clock.lap("scan")
        let (rendered, loads) = renderAll(slice)
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
        return Self.report(rendered, pages: rendered.map(\.source.outputPath), written: [], diagnostics: diagnostics, phases: clock.phases)
    }
}
