import CCmark
import Foundation
import NBDocument
import NBRender
import Testing

/// Every CommonMark 0.31.2 spec example without math delimiters renders as libcmark renders it:
/// nb's page body for the example, with heading anchors (`id` and the `#` link) taken out, equals
/// `cmark_markdown_to_html` with the default (safe) options. The examples are in
/// `Fixtures/CommonMark` (CC BY-SA 4.0, see the LICENSE.md beside them).
@Suite struct CommonMarkSpecTests {
    struct Example: Decodable, Sendable, CustomTestStringConvertible {
        var markdown: String
        var example: Int
        var section: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/CommonMark/spec-0.31.2.json")
        guard let data = try? Data(contentsOf: url), let all = try? JSONDecoder().decode([Example].self, from: data) else { return [] }
        return all
    }()

    /// Examples with `$`, `\(` or `\[` are left to the math tests (SPEC §3 math is nb's own).
    static func hasMath(_ markdown: String) -> Bool {
        markdown.contains("$") || markdown.contains("\\(") || markdown.contains("\\[")
    }

    /// Examples that differ from libcmark by a documented nb rule, with the reason.
    static let exceptions: [Int: String] = [
        98: "front matter (SPEC §3): `---` then `---` is an empty front matter",
    ]

    static var compared: [Example] { examples.filter { !hasMath($0.markdown) && exceptions[$0.example] == nil } }

    @Test func fixtureIsThere() {
        #expect(Self.examples.count == 652)
        #expect(Self.compared.count >= 600)
    }

    @Test(arguments: compared) func rendersAsLibcmark(_ example: Example) throws {
        var document = try DocumentParser.parse(example.markdown)
        // A title no heading repeats, so the page keeps every heading; the contents are nb's own.
        document.frontMatter.title = "CommonMark example \(example.example)"
        let body = Self.withoutContents(Self.withoutHeadingAnchors(HTMLPage.body(document)))
        #expect(body == Self.libcmark(example.markdown), "markdown: \(String(reflecting: example.markdown))")
    }

    /// libcmark's HTML for `markdown` (safe mode, as nb's default).
    static func libcmark(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// The page without its "On this page" block (`PageContents`), which libcmark does not make.
    static func withoutContents(_ html: String) -> String {
        guard html.hasPrefix("<details class=\"nb-toc"), let end = html.range(of: "</nav>\n") else { return html }
        return String(html[end.upperBound...])
    }

    /// `<hN id="…">…<a class="nb-anchor" …>#</a></hN>` → `<hN>…</hN>`.
    static func withoutHeadingAnchors(_ html: String) -> String {
        var out = html
        for level in 1...6 {
            while let open = out.range(of: "<h\(level) id=\"") {
                guard let end = out[open.upperBound...].firstIndex(of: ">") else { break }
                out.replaceSubrange(open.lowerBound...end, with: "<h\(level)>")
            }
        }
        while let anchor = out.range(of: "<a class=\"nb-anchor\" href=\"#") {
            guard let close = out[anchor.upperBound...].range(of: "</a>") else { break }
            out.removeSubrange(anchor.lowerBound..<close.upperBound)
        }
        return out
    }
}
