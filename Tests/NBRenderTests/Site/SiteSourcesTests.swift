import Foundation
import Testing
@testable import NBRender

@Suite struct SiteSourcesTests {
    @Test func findsNotebooksAndAssetsSkippingHiddenDraftsLinksAndTheOutput() throws {
        let site = try TempSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        for path in ["index.md", "dl/autodiff.md", "dl/深度/自动.MD", "dl/fig.png", "data/x.csv", "site.yml", "dl/site.yml",
                     ".hidden/x.md", ".dotfile.md", "_drafts/d.md", "dl/_old/o.md", "site/out.md", ".nb-cache/pages.pack"] {
            try site.write(path, "x")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.source.appendingPathComponent("link.md").path, withDestinationPath: "index.md")
        try fm.createSymbolicLink(atPath: site.source.appendingPathComponent("linkdir").path, withDestinationPath: "dl")
        try fm.createDirectory(at: site.source.appendingPathComponent("empty"), withIntermediateDirectories: true)

        let sources = SiteSources.scan(site.source, excluding: site.source.appendingPathComponent("site"))
        #expect(sources.notebooks == ["dl/autodiff.md", "dl/深度/自动.MD", "index.md"])
        #expect(sources.assets == ["data/x.csv", "dl/fig.png", "dl/site.yml"])
        // Without an output folder inside the source, that folder is part of the site.
        #expect(SiteSources.scan(site.source, excluding: nil).notebooks.contains("site/out.md"))
        // The trailing slash or a `..` in the paths does not matter.
        let roundabout = URL(fileURLWithPath: site.source.path + "/dl/../")
        #expect(SiteSources.scan(roundabout, excluding: URL(fileURLWithPath: site.source.path + "/./site")).notebooks == sources.notebooks)
        #expect(SiteSources.scan(site.root.appendingPathComponent("missing"), excluding: nil).notebooks.isEmpty)
    }
}
