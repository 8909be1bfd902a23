import Foundation
import NBDocument
import NBLanguage
@testable import NBRender
import Testing

/// Numeric table columns, verdict headers, TeX in plots, plot annotations, legends and the two
/// plot widths.
@Suite struct DisplayTypographyTests {
    @Test func oneDecimalPrecisionPerColumn() {
        let fs = "\u{2007}"
        #expect(NumericColumn.format(["2.48168907", "0.1931471806", "-3.48168907"])
                == ["2.481689070" + fs, "0.1931471806", "−3.481689070" + fs])
        #expect(NumericColumn.format(["1", "0.5", "12.25"]) == ["1.00", "0.50", "12.25"])
        #expect(NumericColumn.format(["7", "12", "1687"]) == ["7", "12", "1687"])
        #expect(NumericColumn.format(["1.95e-11", "1.1e-10", "nan", "—"]) == ["1.95×10⁻¹¹", "1.10×10⁻¹⁰", "nan", "—"])
        #expect(NumericColumn.parse("1e") == nil && NumericColumn.parse("1.") == nil && NumericColumn.parse("x1") == nil)
    }

    @Test func tableCellsAlignAndTheVerdictColumnIsNamed() {
        let table = DisplayTable(kind: .gradient, columns: ["input", "forward", "numeric", ""],
                                 rows: [["x", "2.5", "2.4999", "✓"], ["y", "-1", "-1.0001", "✗"]])
        let html = DisplayHTML.render(.table(table))
        #expect(html.contains("<th scope=\"col\" class=\"nb-verdict\">check</th>"))
        #expect(html.contains("<td class=\"nb-num\">2.5</td>") && html.contains("<td class=\"nb-num\">−1.0</td>"))
        #expect(html.contains("<td class=\"nb-num\">2.4999</td>") && html.contains("<td class=\"nb-num\">−1.0001</td>"))
        #expect(DisplayStylesheetFacts.css.contains("tabular-nums"))
        let appended = DisplayHTML.render(.table(DisplayTable(columns: ["a"], rows: [["1"]], verdicts: [true])))
        #expect(appended.contains("<th scope=\"col\" class=\"nb-verdict\">check</th>"))
    }

    @Test func texInTitlesLabelsAndLegends() {
        let text = PlotText("$F(w_k) - F^\\star$ after k steps")
        #expect(text.hasMath)
        let svg = text.svg(fontSize: 10)
        #expect(svg.hasPrefix("<tspan font-style=\"italic\">F</tspan>("))
        #expect(svg.contains("<tspan dy=\"2.2\" font-size=\"7\" font-style=\"italic\">k</tspan>"))
        #expect(svg.contains("<tspan dy=\"-2.2\">)\u{2009}−\u{2009}</tspan>"))
        #expect(svg.contains("font-size=\"7\">⋆</tspan>"))
        #expect(svg.hasSuffix("<tspan dy=\"-4.2\"> after k steps</tspan>") || svg.hasSuffix(" after k steps</tspan>"))
        // No `$` pair: plain escaped text; an escaped dollar stays text.
        #expect(PlotText("costs \\$5 < $").svg(fontSize: 10) == "costs \\$5 &lt; $")
        #expect(!PlotText("a $ b").hasMath)
        // The pages' own `$` pairing: prices are text.
        #expect(!PlotText("between $5 and $6").hasMath)
        #expect(PlotText("cost $x^2$ in $").hasMath)

        let plot = PlotSpec(title: "$F(w_k) - F^\\star$", xLabel: "$k$", yLabel: "$\\|w\\|_1$",
                            series: [.init(name: "$\\lambda = 0.1$", xs: [1, 2], ys: [1, 2]), .init(name: "b", xs: [1, 2], ys: [2, 1])])
        let rendered = SVGPlot.render(plot)
        #expect(rendered.contains("<title>F(wk)\u{2009}−\u{2009}F⋆</title>"))
        #expect(rendered.contains("class=\"nb-plot-title\"") && rendered.contains("<tspan font-style=\"italic\">F</tspan>"))
        #expect(rendered.contains("<tspan font-style=\"italic\">λ</tspan>"))
        #expect(!rendered.contains("$"))
    }

    @Test func annotationsLikeTickLabels() {
        #expect(TickLabel.formattingNumbers(in: "best h = 5.623413252e-9") == "best h = 5.62×10⁻⁹")
        #expect(TickLabel.formattingNumbers(in: "x1 at 3.16227766e-6, epoch 10") == "x1 at 3.16×10⁻⁶, epoch 10")
        let plot = PlotSpec(title: "", series: [.init(name: "", xs: [1e-9, 1e-3], ys: [1, 2])],
                            markers: [.init(x: 5.6e-6, label: "best h = 5.623413252e-6")])
        #expect(SVGPlot.render(plot).contains(">best h = 5.62×10⁻⁶</text>"))
    }

    @Test func aNamedSeriesHasALegendAnUnnamedOneNone() {
        let named = SVGPlot.render(PlotSpec(title: "", series: [.init(name: "S(z)", xs: [0, 1], ys: [0, 1])]))
        #expect(named.contains("class=\"nb-legend\"") && named.contains(">S(z)</text>"))
        let unnamed = SVGPlot.render(PlotSpec(title: "", series: [.init(name: "", xs: [0, 1], ys: [0, 1])]))
        #expect(!unnamed.contains("nb-legend"))
    }

    @Test func plotsComeWideAndNarrow() {
        let html = DisplayHTML.render(.plot(PlotSpec(title: "t", series: [.init(name: "", xs: [0, 1], ys: [0, 1])])))
        #expect(html.contains("<svg class=\"nb-plot nb-plot-wide\"") && html.contains("viewBox=\"0 0 720 "))
        #expect(html.contains("<svg class=\"nb-plot nb-plot-narrow\"") && html.contains("viewBox=\"0 0 400 "))
        #expect(PlotLayout.standaloneWidth == 500)  // SVGPlot.render's default width
        #expect(DisplayStylesheetFacts.css.contains("@media (max-width: 40rem) { .nb-plot-wide { display: none; }"))
    }

    @Test func imageGridsInEvenRows() {
        #expect(ImageGridHTML.columns(40, atMost: 10) == 10)
        #expect(ImageGridHTML.columns(10, atMost: 5) == 5)
        #expect(ImageGridHTML.columns(8, atMost: 5) == 4)
        #expect(ImageGridHTML.columns(13, atMost: 10) == 7)
        #expect(ImageGridHTML.columns(0, atMost: 10) == 1)
        let grid = ImageGrid(title: "", width: 1, height: 1, pixels: Array(repeating: [0.5], count: 10))
        #expect(DisplayHTML.render(.images(grid)).contains("<div class=\"nb-images nb-cols-10 nb-pcols-5\">"))
        #expect(DisplayStylesheetFacts.css.contains(".nb-images.nb-pcols-5 { grid-template-columns: repeat(5, minmax(0, 1fr));"))
    }

    @Test func paletteStaysDistinguishableInDarkMode() {
        // Every dark shade stands out from the dark page (≥ 3:1, WCAG's figure for graphics) and
        // neighbouring slots differ in lightness or hue.
        for colour in PlotPalette.colours {
            #expect(Contrast.ratio(colour.dark, "#16181c") >= 3, "\(colour.dark)")
            #expect(Contrast.ratio(colour.light, "#ffffff") >= 3, "\(colour.light)")
        }
        for scheme in [PlotPalette.colours.map(\.light), PlotPalette.colours.map(\.dark)] {
            for i in scheme.indices {
                for j in scheme.indices where j > i {
                    #expect(Lab.distance(scheme[i], scheme[j]) >= 25, "\(scheme[i]) and \(scheme[j]) are too close")
                }
            }
        }
    }
}

/// CIELAB distance (ΔE*ab, D65) of two `#rrggbb` colours.
enum Lab {
    static func distance(_ a: String, _ b: String) -> Double {
        let (p, q) = (lab(a), lab(b))
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    static func lab(_ hex: String) -> (Double, Double, Double) {
        let digits = Array(hex.dropFirst())
        let c = (0..<3).map { k -> Double in
            let v = Double(Int(String(digits[2 * k...2 * k + 1]), radix: 16) ?? 0) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047
        let y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
        let z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? pow(t, 1.0 / 3) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}

enum DisplayStylesheetFacts {
    static var css: String { DisplayHTML.stylesheet }
}
