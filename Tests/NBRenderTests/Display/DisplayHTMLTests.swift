import NBDocument
import Foundation
import NBDocument
import NBLanguage
import Testing
@testable import NBRender

@Suite struct DisplayHTMLTests {
    static let evil = SVGPlotTests.evil
    static let escapedEvil = SVGPlotTests.escapedEvil

    @Test func printedAndValuesArePreformattedAndEscaped() {
        #expect(DisplayHTML.render(.printed("x = 1\n")) == "<pre class=\"nb-text\">x = 1</pre>\n")
        #expect(DisplayHTML.render(.value("[[1, 2], [3, 4]]")) == "<pre class=\"nb-text\">[[1, 2], [3, 4]]</pre>\n")
        #expect(DisplayHTML.render(.printed(Self.evil)) == "<pre class=\"nb-text\">\(Self.escapedEvil)</pre>\n")
        // The HTML parser drops one newline right after <pre>, so a leading one is doubled.
        #expect(DisplayHTML.render(.printed("\nindented")) == "<pre class=\"nb-text\">\n\nindented</pre>\n")
    }

    @Test func formulaIsTypesetLikeProseMath() {
        // The same writer as `$$…$$` in prose: italic f, a prime ′, tight brackets, and the whole
        // definition as the TeX annotation.
        let tex = "f'(x) = 3 x^{2} + 2"
        let html = DisplayHTML.render(.formula(text: "f'(x) = 3*x^2 + 2", tex: tex))
        #expect(html == "<div class=\"nb-formula\">" + MathML.render(tex, display: true).mathML + "</div>\n")
        #expect(html.contains("<mi>f</mi><mo lspace=\"0\" rspace=\"0\">′</mo><mo stretchy=\"false\">(</mo>"))
        #expect(html.contains("<annotation encoding=\"application/x-tex\">f&apos;(x) = 3 x^{2} + 2</annotation>")
                || html.contains("<annotation encoding=\"application/x-tex\">f'(x) = 3 x^{2} + 2</annotation>"))
    }

    @Test func formulaWithoutMathMLShowsItsText() {
        #expect(DisplayHTML.render(.formula(text: "f'(x) = 3*x^2 <2>", tex: " \n"))
                == "<pre class=\"nb-text\">f&#39;(x) = 3*x^2 &lt;2&gt;</pre>\n")
    }

    @Test func plotIsAFigureWithTheSVG() {
        let html = DisplayHTML.render(.plot(DisplayDemo.lines))
        #expect(html.hasPrefix("<figure class=\"nb-figure\">\n<svg class=\"nb-plot nb-plot-wide\""))
        #expect(html.contains("</svg>\n<svg class=\"nb-plot nb-plot-narrow\""))
        #expect(html.hasSuffix("</svg>\n</figure>\n"))
    }

    @Test func errorShowsMessageLocationAndHint() {
        let error = CellError(message: Self.evil, location: TextLocation(line: 12, column: 5), hint: Self.evil)
        let html = DisplayHTML.render(error)
        #expect(html == """
        <div class="nb-error" data-line="12">
        <p class="nb-error-message"><span class="nb-error-label">error:</span> \(Self.escapedEvil)</p>
        <p class="nb-error-location">line 12, column 5</p>
        <p class="nb-error-hint">hint: \(Self.escapedEvil)</p>
        </div>

        """)
        let plain = DisplayHTML.render(CellError(message: "boom", location: TextLocation(line: 1, column: 1)))
        #expect(!plain.contains("nb-error-hint"))
        #expect(XMLCheck.isWellFormed(html))
    }

    // MARK: Tables

    @Test func goldenGradientTable() {
        let table = DisplayTable(kind: .gradient, caption: "gradtable(f, [1, 2])",
                                 columns: ["input", "reverse", "numeric", "rel. error", "✓/✗"],
                                 rows: [["x", "6", "6.000000000", "1.1e-11", "✓"],
                                        ["y", "-0.5", "nan", "inf", "✗"]],
                                 verdicts: [true, false])
        #expect(DisplayHTML.render(.table(table)) == """
        <div class="nb-table-wrap">
        <table class="nb-gradtable">
        <caption>gradtable(f, [1, 2])</caption>
        <thead><tr><th scope="col">input</th><th scope="col" class="nb-num">reverse</th>\
        <th scope="col" class="nb-num">numeric</th><th scope="col" class="nb-num">rel. error</th>\
        <th scope="col" class="nb-verdict">✓/✗</th></tr></thead>
        <tbody>
        <tr><td>x</td><td class="nb-num">6\u{2008}\u{2007}</td><td class="nb-num">6.000000000</td><td class="nb-num">1.1×10⁻¹¹</td>\
        <td class="nb-verdict nb-pass">✓</td></tr>
        <tr class="nb-row-fail"><td>y</td><td class="nb-num">−0.5</td><td class="nb-num">nan</td>\
        <td class="nb-num">inf</td><td class="nb-verdict nb-fail">✗</td></tr>
        </tbody>
        </table>
        </div>

        """)
    }

    @Test func plainTableClassAndNumericDetection() {
        let table = DisplayTable(columns: ["name", "value", "mixed"],
                                 rows: [["a", "1e-8", "3"], ["b", "−2", "x"], ["c", "", "4"]])
        let html = DisplayHTML.render(.table(table))
        #expect(html.contains("<table class=\"nb-table\">"))
        #expect(html.contains("<th scope=\"col\">name</th><th scope=\"col\" class=\"nb-num\">value</th><th scope=\"col\">mixed</th>"))
        #expect(html.contains("<td class=\"nb-num\">−2</td><td>x</td>"))
        #expect(!html.contains("nb-verdict") && !html.contains("<caption>"))
    }

    @Test func placeholdersDoNotMakeAColumnText() {
        let html = DisplayHTML.render(.table(DisplayDemo.gradTable))
        #expect(html.contains("<th scope=\"col\" class=\"nb-num\">symbolic</th>"))
        #expect(html.contains("<tr class=\"nb-row-fail\"><td>z</td><td class=\"nb-num\">—</td>"))
        #expect(html.contains("<th scope=\"col\" class=\"nb-verdict\">ok</th>"))
        #expect(html.components(separatedBy: "nb-verdict nb-pass").count - 1 == 2)
    }

    @Test func verdictsWithoutAColumnGetOneAppended() {
        let table = DisplayTable(kind: .gradient, columns: ["input", "error"], rows: [["x", "0"], ["y", "1"]],
                                 verdicts: [true, false])
        let html = DisplayHTML.render(.table(table))
        #expect(html.contains("<th scope=\"col\" class=\"nb-verdict\">check</th>"))
        #expect(html.contains("<tr class=\"nb-row-fail\"><td>y</td><td class=\"nb-num\">1</td><td class=\"nb-verdict nb-fail\">✗</td></tr>"))
        #expect(html.contains("<td class=\"nb-verdict nb-pass\">✓</td>"))
    }

    @Test func verdictColumnAloneMarksFailingRows() {
        let table = DisplayTable(columns: ["input", "ok"], rows: [["x", "✓"], ["y", "✗"]])
        let html = DisplayHTML.render(.table(table))
        #expect(html.contains("<tr class=\"nb-row-fail\"><td>y</td><td class=\"nb-verdict nb-fail\">✗</td></tr>"))
    }

    @Test func raggedRowsArePaddedAndEverythingIsEscaped() {
        let e = Self.evil
        let table = DisplayTable(caption: e, columns: [e], rows: [[e, e], []])
        let html = DisplayHTML.render(.table(table))
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: Self.escapedEvil).count - 1 == 4)
        #expect(html.contains("<tr><td></td><td></td></tr>"))
        #expect(html.contains("<th scope=\"col\"></th>"))
        #expect(XMLCheck.isWellFormed(html))
    }

    // MARK: Images

    @Test func imagePixelsAreCrispGreyRects() throws {
        let pixels: [Double] = [0, 0.5, 1, 0.25, .nan, 2]
        let grid = ImageGrid(title: "digits", width: 3, height: 2, pixels: [pixels], captions: ["first"])
        let html = DisplayHTML.render(.images(grid))
        let expected = ["#000000", "#808080", "#ffffff", "#404040", ImageGridHTML.invalidPixel, "#ffffff"]
        #expect(try paint(html, width: 3, height: 2) == expected)
        #expect(html.contains("shape-rendering=\"crispEdges\""))
        #expect(html.contains("viewBox=\"0 0 3 2\""))
        #expect(html.contains("<figcaption>digits</figcaption>") && html.contains("<figcaption>first</figcaption>"))
        #expect(XMLCheck.isWellFormed(html))
    }

    @Test func backgroundIsOneRectAndOtherPixelsOneEach() throws {
        // A 28 × 28 "digit": black except a white bar.
        let pixels = (0..<784).map { i in (i % 28 == 14 && i / 28 > 3 && i / 28 < 24) ? 1.0 : 0.0 }
        let html = DisplayHTML.render(.images(ImageGrid(title: "", width: 28, height: 28, pixels: [pixels])))
        #expect(html.components(separatedBy: "<rect ").count - 1 == 1 + 20)
        #expect(try paint(html, width: 28, height: 28) == pixels.map { $0 == 1 ? "#ffffff" : "#000000" })
    }

    @Test func imageWithTooFewPixelsOrBadSizeStillRenders() throws {
        let short = DisplayHTML.render(.images(ImageGrid(title: "", width: 2, height: 2, pixels: [[1]])))
        let invalid = ImageGridHTML.invalidPixel
        #expect(try paint(short, width: 2, height: 2) == ["#ffffff", invalid, invalid, invalid])
        for (w, h) in [(-1, 3), (3, 0), (Int.max, 2), (1000, 1000)] {
            let bad = DisplayHTML.render(.images(ImageGrid(title: "", width: w, height: h, pixels: [[1]])))
            #expect(bad.contains("nb-image-invalid") && !bad.contains("<rect"), "\(w)×\(h)")
        }
        let empty = DisplayHTML.render(.images(ImageGrid(title: "t", width: 8, height: 8, pixels: [])))
        #expect(empty.contains("no images"))
    }

    /// The colour of every pixel after painting the image's rects in order (an independent reading
    /// of the SVG, so the background shortcut cannot hide a wrong pixel).
    private func paint(_ html: String, width: Int, height: Int) throws -> [String] {
        var canvas = Array(repeating: "unpainted", count: width * height)
        let regex = try NSRegularExpression(pattern: "<rect (?:x=\"(\\d+)\" y=\"(\\d+)\" )?width=\"(\\d+)\" height=\"(\\d+)\" fill=\"(#[0-9a-f]{6})\"/>")
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            func group(_ i: Int) -> String? { Range(match.range(at: i), in: html).map { String(html[$0]) } }
            let x = Int(group(1) ?? "0")!, y = Int(group(2) ?? "0")!, w = Int(group(3)!)!, h = Int(group(4)!)!
            for row in y..<(y + h) { for column in x..<(x + w) { canvas[row * width + column] = group(5)! } }
        }
        return canvas
    }

    @Test func imageCaptionsAndTitleAreEscaped() {
        let grid = ImageGrid(title: Self.evil, width: 1, height: 1, pixels: [[0]], captions: [Self.evil])
        let html = DisplayHTML.render(.images(grid))
        #expect(!html.contains("<script"))
        // Grid caption, the image's <title> and its caption.
        #expect(html.components(separatedBy: Self.escapedEvil).count - 1 == 3)
    }

    // MARK: Stylesheet

    /// Every class this module emits is either styled or a documented hook left to the page.
    @Test func stylesheetCoversEmittedClasses() throws {
        var html = DisplayDemo.items.map(DisplayHTML.render).joined()
        html += DisplayHTML.render(CellError(message: "m", location: TextLocation(line: 1, column: 1), hint: "h"))
        html += DisplayHTML.render(.images(ImageGrid(title: "", width: 0, height: 0, pixels: [[]])))
        html += DisplayHTML.render(.images(ImageGrid(title: "", width: 1, height: 1, pixels: [])))
        let regex = try NSRegularExpression(pattern: "class=\"([^\"]*)\"")
        var classes = Set<String>()
        for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let list = html[Range(match.range(at: 1), in: html)!]
            classes.formUnion(list.split(separator: " ").map(String.init))
        }
        // Structural hooks that SVG attributes already style completely.
        let hooks: Set = ["nb-grid", "nb-axis", "nb-axis-minor", "nb-marker", "nb-marker-label", "nb-plot-text",
                          "nb-axis-label", "nb-plot-title", "nb-plot-note", "nb-legend", "nb-images-empty",
                          "nb-image-invalid", "nb-error-message"]
        let css = DisplayHTML.stylesheet
        for name in classes.sorted() where !hooks.contains(name) {
            #expect(css.contains(".\(name) ") || css.contains(".\(name),") || css.contains(".\(name){"), "\(name) unstyled")
        }
        for k in 0..<10 { #expect(css.components(separatedBy: ".nb-s\(k) {").count - 1 == 2) }
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
    }
}
