import Foundation
import Testing
import NBExecution
@testable import NBRender

/// The real pipeline (Markdown, math, cells through the cache, link lists, links between
/// notebooks) gives the same bytes whatever the number of workers, with or without the caches.
@Suite struct SiteDeterminismTests {
    static func notebook(_ i: Int, count: Int) -> String {
        let folders = ["a", "b", "c"]
        return """
        ---
        title: Note \(i % 4)
        date: 2021-0\(1 + i % 3)-1\(i % 5)
        category: \(folders[i % 3])
        tags: [t\(i % 3)]
        ---

        # Part \(i)

        自动求导 \(i): $f(x) = x^{\(i % 5 + 2)}$ has $f'(x) = \(i % 5 + 2) x^{\(i % 5 + 1)}$; see [next](../\(folders[(i + 1) % count % 3])/n\((i + 1) % count).md) \
        and [a broken one](missing-\(i).md).

        $$\\sum_{k=1}^{\(i + 1)} k = \\frac{\(i + 1)(\(i + 2))}{2}$$

        ```nb
        s = 0
        for k in 1...\(i + 1) { s = s + k }
        s
        ```

        ```nb
        d = dual(\(i % 4), 1)
        d * d
        ```

        https://example.org/paper-\(i % 3)

        Paper \(i % 3)

        """
    }

    @Test func sameBytesForOneOrManyWorkersCachedOrNot() throws {
        let site = try TempSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        let count = 14
        for i in 0..<count { try site.write("\(["a", "b", "c"][i % 3])/n\(i).md", Self.notebook(i, count: count)) }
        try site.write("site.yml", "title: Determinism\nurl: https://example.org/\n")

        func build(jobs: Int, cached: Bool, into name: String) throws -> (URL, SiteBuildReport) {
            let output = site.root.appendingPathComponent(name)
            let cache = cached ? CellResultCache(directory: site.source.appendingPathComponent(".nb-cache")) : nil
            let renderer = NotebookPageRenderer(root: site.source, cache: cache, engineVersion: "test")
            let options = SiteBuildOptions(source: site.source, output: output, jobs: jobs, pageStylesheet: "/* page */")
            return (output, try SiteBuilder(options: options, renderer: renderer).build())
        }
        let (reference, first) = try build(jobs: 1, cached: false, into: "one")
        #expect(first.exitCode == 0)
        #expect(first.diagnostics.count == count, "\(first.diagnostics)")   // one broken link each
        let files = SiteSources.scan(reference, excluding: nil).assets
        #expect(files.count == count + 8)   // pages, the site files and the math font
        for (jobs, cached, name) in [(3, true, "cold"), (2, true, "warm"), (4, false, "four")] {
            let (output, report) = try build(jobs: jobs, cached: cached, into: name)
            #expect(report.diagnostics == first.diagnostics)
            #expect(report.pages == first.pages)
            for file in files {
                let a = try Data(contentsOf: reference.appendingPathComponent(file))
                let b = try Data(contentsOf: output.appendingPathComponent(file))
                #expect(a == b, "\(file) differs with \(jobs) workers (\(name))")
            }
            #expect(try String(contentsOf: output.appendingPathComponent(".nb-manifest"), encoding: .utf8)
                    == String(contentsOf: reference.appendingPathComponent(".nb-manifest"), encoding: .utf8))
        }
        // The warm build came from the caches: no cell ran.
        let (_, again) = try build(jobs: 2, cached: true, into: "warm")
        #expect(again.written.isEmpty)
        #expect(again.cacheExplanation.allSatisfy { $0.hasSuffix(": cached") })
    }
}
