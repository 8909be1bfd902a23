import Foundation
import NBLanguage
import Testing
@testable import NBRender

@Suite struct SVGPlotTests {
    static let evil = "<script>alert(1)</script>\" onerror=\"x &amp;"
    static let escapedEvil = "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x &amp;amp;"

    @Test func rootElementAndAccessibleTitle() {
        let svg = SVGPlot.render(DisplayDemo.lines)
        #expect(svg.hasPrefix("<svg class=\"nb-plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 500 "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("\n<title>Activation functions</title>\n<desc>4 series; 480 points; 12 not shown (nan or inf); "))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func everyTextPathIsEscaped() {
        // Short enough that no label is shortened with "…".
        let e = "<script>\" onerror=\"x&amp;"
        let escaped = "&lt;script&gt;&quot; onerror=&quot;x&amp;amp;"
        let plot = PlotSpec(title: Self.evil, xLabel: e, yLabel: e,
                            series: [PlotSpec.Series(name: e, xs: [1, 2, 3], ys: [1, 4, 9]),
                                     PlotSpec.Series(name: e, xs: [1, 2], ys: [2, 3], style: .scatter)],
                            markers: [PlotSpec.Marker(x: 2, label: e)])
        let svg = SVGPlot.render(plot)
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("\" onerror=\"x"))
        #expect(svg.contains("<title>\(Self.escapedEvil)</title>"))
        #expect(svg.contains("class=\"nb-plot-title\"") && svg.contains(">\(Self.escapedEvil)</text>"))
        #expect(svg.contains("series: \(escaped), \(escaped)</desc>"))
        #expect(svg.components(separatedBy: "font-size=\"15\">\(escaped)</text>").count - 1 == 2)  // axis labels
        #expect(svg.components(separatedBy: "fill=\"currentColor\">\(escaped)</text>").count - 1 == 3)  // legend, marker
        #expect(XMLCheck.isWellFormed(svg))
    }

    @Test func wellFormedForEveryShapeOfInput() {
        let nan = Double.nan, inf = Double.infinity
        let plots = [
            DisplayDemo.hSweep, DisplayDemo.lines, DisplayDemo.moons,
            PlotSpec(title: "", series: []),
            PlotSpec(title: "all nan", series: [PlotSpec.Series(name: "a", xs: [nan, 1], ys: [1, nan])]),
            PlotSpec(title: "single", series: [PlotSpec.Series(name: "a", xs: [3], ys: [-2])]),
            PlotSpec(title: "log with non-positive", xScale: .log, yScale: .log,
                     series: [PlotSpec.Series(name: "a", xs: [-1, 0, 1, 10], ys: [1, 1, 0, -5])]),
            PlotSpec(title: "huge", series: [PlotSpec.Series(name: "a", xs: [-1.7e308, 1.7e308], ys: [inf, 1e300])]),
            PlotSpec(title: "ragged", series: [PlotSpec.Series(name: "a", xs: [1, 2, 3, 4], ys: [1, 2])]),
            PlotSpec(title: "many groups", series: [PlotSpec.Series(name: "g", xs: (0..<30).map(Double.init),
                                                                     ys: (0..<30).map { sin(Double($0)) },
                                                                     style: .scatter, groups: (0..<30).map { $0 % 13 - 1 })]),
            PlotSpec(title: String(repeating: "a very long title that must wrap ", count: 8), series: []),
        ]
        for plot in plots {
            let svg = SVGPlot.render(plot)
            #expect(XMLCheck.isWellFormed(svg), "\(plot.title)")
            let attributes = svg.components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            #expect(!attributes.contains { $0.contains("nan") || $0.contains("inf") }, "\(plot.title)")
            #expect(svg == SVGPlot.render(plot), "not deterministic: \(plot.title)")
        }
    }

    @Test func nanBreaksTheLine() {
        let plot = PlotSpec(title: "gap", series: [PlotSpec.Series(name: "a", xs: [1, 2, 3, 4, 5, 6],
                                                                    ys: [1, 2, .nan, 4, 5, .infinity])])
        let svg = SVGPlot.render(plot)
        let d = attribute("d", ofFirst: "nb-line", in: svg) ?? ""
        // Two runs: (1, 2) and (4, 5); the infinite last point is dropped.
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(svg.contains("2 not shown (nan or inf)"))
    }

    @Test func nonPositivePointsAreDroppedOnLogAxes() {
        let plot = PlotSpec(title: "log", yScale: .log,
                            series: [PlotSpec.Series(name: "", xs: [1, 2, 3, 4], ys: [1, -1, 0, 10])])
        let svg = SVGPlot.render(plot)
        // Two lone points remain: no line, two dots.
        #expect(!svg.contains("class=\"nb-line"))
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 2)
        #expect(svg.components(separatedBy: "<g class=\"nb-dots nb-s0\"").count - 1 == 2)
        #expect(svg.contains("2 not shown (nan, inf or not positive on a log axis)"))
        #expect(svg.contains(">10⁰<") && svg.contains(">10¹<"))
    }

    @Test func coordinatesHaveBoundedPrecision() throws {
        let svg = SVGPlot.render(DisplayDemo.hSweep)
        let regex = try NSRegularExpression(pattern: "\\d\\.\\d{3,}")
        let body = svg.components(separatedBy: "</desc>").last ?? ""
        #expect(regex.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) == nil)
    }

    @Test func legendForSeveralSeriesOrANamedOne() {
        let one = PlotSpec(title: "one", series: [PlotSpec.Series(name: "", xs: [1, 2], ys: [1, 2])])
        #expect(!SVGPlot.render(one).contains("nb-legend"))
        let two = PlotSpec(title: "two", series: [PlotSpec.Series(name: "first", xs: [1, 2], ys: [1, 2]),
                                                  PlotSpec.Series(name: "second", xs: [1, 2], ys: [2, 1])])
        let svg = SVGPlot.render(two)
        #expect(svg.contains("class=\"nb-legend\""))
        #expect(svg.contains(">first</text>") && svg.contains(">second</text>"))
        #expect(svg.contains("nb-line nb-s0") && svg.contains("nb-line nb-s1"))
    }

    @Test func scatterGroupsGetOneColourClassEach() {
        let plot = DisplayDemo.moons
        let svg = SVGPlot.render(plot)
        #expect(svg.contains("<g class=\"nb-dots nb-s0\"") && svg.contains("<g class=\"nb-dots nb-s1\""))
        #expect(!svg.contains("nb-dots nb-s2"))
        let unlabelled = plot.series[0].groups?.filter { $0 < 0 }.count ?? 0
        #expect(unlabelled == 110)
        let grey = svg.components(separatedBy: "<g class=\"nb-dots nb-unlabelled\"")[1].components(separatedBy: "</g>")[0]
        #expect(grey.components(separatedBy: "<circle ").count - 1 == unlabelled)
        #expect(svg.contains(">class 0</text>") && svg.contains(">class 1</text>") && svg.contains(">unlabelled</text>"))
        // Group 12 wraps onto the palette's third slot.
        let wrapped = PlotSpec(title: "", series: [PlotSpec.Series(name: "g", xs: [0, 1], ys: [0, 1], style: .scatter,
                                                                     groups: [12, 3])])
        let wrappedSVG = SVGPlot.render(wrapped)
        #expect(wrappedSVG.contains("nb-dots nb-s2") && wrappedSVG.contains("nb-dots nb-s3"))
    }

    @Test func markerIsADashedLineWithItsLabel() {
        let svg = SVGPlot.render(DisplayDemo.hSweep)
        #expect(svg.contains("class=\"nb-marker\""))
        #expect(svg.contains("stroke-dasharray=\"5 4\""))
        #expect(svg.contains(">best h ≈ "))
    }

    @Test func constantSeriesIsAHorizontalLineInsideTheFrame() throws {
        let plot = PlotSpec(title: "c", series: [PlotSpec.Series(name: "a", xs: [0, 1, 2], ys: [5, 5, 5])])
        let svg = SVGPlot.render(plot)
        let d = try #require(attribute("d", ofFirst: "nb-line", in: svg))
        let ys = d.split(whereSeparator: { "ML ".contains($0) }).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(Set(ys).count == 1)
        let frame = try #require(attribute("d", ofFirst: "nb-axis", in: svg))
        #expect(!frame.contains(" \(ys[0])V") && !frame.contains(" \(ys[0])H"))
    }

    @Test func emptyPlotDrawsAxesAndANote() {
        let svg = SVGPlot.render(PlotSpec(title: "", series: []))
        #expect(svg.contains("class=\"nb-axis\""))
        #expect(svg.contains(">no data</text>"))
        #expect(svg.contains("<title>plot</title>"))
        let hidden = SVGPlot.render(PlotSpec(title: "", xScale: .log, series: [PlotSpec.Series(name: "a", xs: [-1], ys: [1])]))
        #expect(hidden.contains(">no finite positive points to show on a log axis</text>"))
    }

    @Test func logAxesUseSuperscriptDecades() {
        let svg = SVGPlot.render(DisplayDemo.hSweep)
        for label in ["10⁻¹⁶", "10⁻¹²", "10⁻⁸", "10⁻⁴", "10⁰"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(svg.contains("class=\"nb-axis-minor\""))
    }

    /// Golden output for a small plot; regenerate with `NB_UPDATE_GOLDEN=1` after checking it by eye.
    @Test func goldenSmallPlot() throws {
        let plot = PlotSpec(title: "y = x²", xLabel: "x", yLabel: "y",
                            series: [PlotSpec.Series(name: "x²", xs: [-2, -1, 0, 1, 2], ys: [4, 1, 0, 1, 4]),
                                     PlotSpec.Series(name: "samples", xs: [-1.5, 0.5], ys: [2, 0.5], style: .scatter)],
                            markers: [PlotSpec.Marker(x: 0, label: "minimum")])
        try Golden.check(SVGPlot.render(plot), expected: GoldenFixtures.smallPlot, name: "smallPlot")
    }

    /// The value of attribute `name` on the first element whose class starts with `classPrefix`.
    private func attribute(_ name: String, ofFirst classPrefix: String, in svg: String) -> String? {
        guard let element = svg.components(separatedBy: "\n").first(where: { $0.contains("class=\"\(classPrefix)") }),
              let start = element.range(of: " \(name)=\"") else { return nil }
        return element[start.upperBound...].components(separatedBy: "\"").first
    }
}

@Suite struct PolylineReductionTests {
    @Test func keepsTheVerticalExtentOfEveryColumn() {
        var state: UInt64 = 99
        let points = (0..<20_000).map { i -> (x: Double, y: Double) in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (x: Double(i) * 0.01, y: sin(Double(i) * 0.003) * 100 + Double(state >> 40) / Double(1 << 24))
        }
        let kept = PolylineReduction.reduce(points, columnWidth: 0.25)
        #expect(kept.count <= 4 * 800 + 4)
        #expect(kept.first! == points.first! && kept.last! == points.last!)
        func extents(_ list: [(x: Double, y: Double)]) -> [Double: ClosedRange<Double>] {
            var out: [Double: ClosedRange<Double>] = [:]
            for p in list {
                let c = (p.x / 0.25).rounded(.down)
                out[c] = out[c].map { min($0.lowerBound, p.y)...max($0.upperBound, p.y) } ?? p.y...p.y
            }
            return out
        }
        #expect(extents(kept) == extents(points))
        // Order is preserved.
        #expect(zip(kept, kept.dropFirst()).allSatisfy { $0.x <= $1.x })
    }

    @Test func shortLinesAreUntouched() {
        let points: [(x: Double, y: Double)] = [(0, 0), (0.01, 5), (0.02, -5), (0.03, 1)]
        #expect(PolylineReduction.reduce(points, columnWidth: 0.25).map(\.y) == [0, 5, -5, 1])
    }

    @Test func longSeriesStaySmallInSVG() {
        let xs = (0..<100_000).map { Double($0) }
        let plot = PlotSpec(title: "training loss", series: [PlotSpec.Series(name: "loss", xs: xs, ys: xs.map { 1 / (1 + $0 / 100) })])
        let svg = SVGPlot.render(plot)
        #expect(svg.utf8.count < 60_000)
        #expect(XMLCheck.isWellFormed(svg))
    }

    @Test func identicalScatterDotsAreDrawnOnce() {
        let plot = PlotSpec(title: "", series: [PlotSpec.Series(name: "", xs: Array(repeating: 1, count: 500) + [2],
                                                                ys: Array(repeating: 1, count: 500) + [2], style: .scatter)])
        #expect(SVGPlot.render(plot).components(separatedBy: "<circle").count - 1 == 2)
    }
}

/// Random plots of every shape: the SVG parses, and every coordinate lies inside the viewBox.
@Suite struct SVGPlotFuzzTests {
    @Test func randomPlotsStayWellFormedAndInsideTheViewBox() throws {
        var state: UInt64 = 31337
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        func uniform() -> Double { Double(next()) / Double(1 << 53) }
        let specials: [Double] = [.nan, .infinity, -.infinity, 0, -1, 1e308, -1e308, .leastNonzeroMagnitude, 1e-300]
        func value() -> Double {
            if uniform() < 0.1 { return specials[Int(next() % UInt64(specials.count))] }
            return (uniform() * 2 - 1) * pow(10, (uniform() * 20 - 10).rounded())
        }
        let words = ["loss", "<b>", "θ", "自动微分", "\"q\"", "a & b", "", "very long label text that goes on"]
        func word() -> String { (0..<Int(next() % 4)).map { _ in words[Int(next() % UInt64(words.count))] }.joined(separator: " ") }
        let numberPattern = try NSRegularExpression(pattern: "-?\\d+(?:\\.\\d+)?")
        for round in 0..<80 {
            let series = (0..<Int(next() % 4)).map { _ -> PlotSpec.Series in
                let count = Int(next() % 30)
                let style: PlotSpec.Style = uniform() < 0.5 ? .line : .scatter
                let groups = style == .scatter && uniform() < 0.5 ? (0..<count).map { _ in Int(next() % 14) - 2 } : nil
                return PlotSpec.Series(name: word(), xs: (0..<count).map { _ in value() },
                                       ys: (0..<(count + Int(next() % 2))).map { _ in value() }, style: style, groups: groups)
            }
            let plot = PlotSpec(title: word(), xLabel: word(), yLabel: word(),
                                xScale: uniform() < 0.3 ? .log : .linear, yScale: uniform() < 0.3 ? .log : .linear,
                                series: series, markers: uniform() < 0.3 ? [PlotSpec.Marker(x: value(), label: word())] : [])
            let svg = SVGPlot.render(plot)
            #expect(XMLCheck.isWellFormed(svg), "round \(round)")
            #expect(svg == SVGPlot.render(plot))
            let heightText = svg.components(separatedBy: "height=\"")[1].components(separatedBy: "\"")[0]
            let height = try #require(Double(heightText))
            for attribute in ["cx", "x", "x1", "x2", "cy", "y", "y1", "y2", "d"] {
                for raw in attributeValues(attribute, in: svg) {
                    // Relative moves (`h-5`, `v3`: tick lengths) are not positions.
                    let value = raw.replacingOccurrences(of: "[hv]-?[0-9.]+", with: " ", options: .regularExpression)
                    let numbers = numberPattern.matches(in: value, range: NSRange(value.startIndex..., in: value))
                        .compactMap { Range($0.range, in: value).flatMap { Double(value[$0]) } }
                    for number in numbers {
                        #expect(number >= -1 && number <= max(PlotLayout.standaloneWidth, height) + 1, "round \(round): \(attribute)=\(value)")
                    }
                }
            }
        }
    }

    private func attributeValues(_ name: String, in svg: String) -> [String] {
        svg.components(separatedBy: " \(name)=\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
    }
}
