import Foundation
import NBDocument
import NBExecution
import NBHash
import Testing
@testable import NBRender

/// The math font is linked into the binary, and every page finds it: a site beside its
/// stylesheet, an `nb render` page inline.
@Suite struct MathFontFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/CNBMathFont").standardized

    @Test func linkedBytesAreTheCommittedWOFF2() throws {
        let bytes = MathFontFile.bytes
        #expect(Array(bytes.prefix(4)) == Array("wOF2".utf8))
        let committed = try Data(contentsOf: Self.folder.appendingPathComponent("nb-math.woff2"))
        #expect(bytes == Array(committed))
        // The assembly file names the font's checksum, so a new font rebuilds it (see README.md).
        let assembly = try String(contentsOf: Self.folder.appendingPathComponent("nb-math-font.S"), encoding: .utf8)
        #expect(assembly.contains("nb-math.woff2 sha256: " + SHA256.hex(bytes)))
    }

    @Test func stylesheetsPutLocalFontsFirst() {
        let css = MathFontFile.siteStylesheet
        #expect(css.contains("src: local(\"Latin Modern Math\"), local(\"LatinModernMath-Regular\"), url(\"nb-math.woff2\") format(\"woff2\")"))
        #expect(css.contains("math { font-family: \"NB Math\", \"Latin Modern Math\""))
        #expect(MathFontFile.embeddedStylesheet.contains("url(\"data:font/woff2;base64,d09GM"))
    }

    @Test func renderedPageCarriesTheFontAndASiteHasItBesideTheStylesheet() throws {
        let page = HTMLPage.render(try DocumentParser.parse("# T\n\n$x^2$\n"))
        #expect(page.contains("@font-face { font-family: \"NB Math\""))
        #expect(page.contains("data:font/woff2;base64,"))

        // A page whose only math is a cell's formula carries the font too; a page without math
        // does not (the font is about 400 KB of a page that would otherwise be a few KB).
        let formula = try DocumentParser.parse("# F\n\n```nb\nf(x) = x^3\nderivative(f)\n```\n")
        let run = NotebookExecution(document: formula, path: "/tmp/font-page.md").run()
        let cellPage = HTMLPage.render(formula, outcomes: run.outcomes)
        #expect(cellPage.contains("<math") && cellPage.contains("data:font/woff2;base64,"))
        let plain = HTMLPage.render(try DocumentParser.parse("# T\n\nNo math, `code` and a [link](a.html).\n"))
        #expect(!plain.contains("@font-face") && !plain.contains("data:font/woff2"))
        #expect(plain.utf8.count < 40_000)

        let site = try TempSite()
        defer { try? FileManager.default.removeItem(at: site.root) }
        try site.write("a.md", "# A\n\n$x$\n")
        let report = try site.build(jobs: 1)
        #expect(report.written.contains("nb-math.woff2"))
        let font = try Data(contentsOf: site.output.appendingPathComponent("nb-math.woff2"))
        #expect(Array(font) == MathFontFile.bytes)
        #expect(try site.read("style.css").contains("url(\"nb-math.woff2\")"))
    }
}
