import NBDocument
import Foundation
import NBLanguage
@testable import NBRender

/// Display items that exercise every renderer path, for the demo page and the golden tests.
enum DisplayDemo {
    /// Error of central and forward differences of sin at 1 against cos(1), h from 1e-16 to 1.
    static var hSweep: PlotSpec {
        let hs = stride(from: -16.0, through: 0, by: 0.25).map { pow(10, $0) }
        let central = hs.map { h in abs((sin(1 + h) - sin(1 - h)) / (2 * h) - cos(1)) }
        let forward = hs.map { h in abs((sin(1 + h) - sin(1)) / h - cos(1)) }
        let best = zip(hs, central).filter { $0.1 > 0 }.min { $0.1 < $1.1 }?.0 ?? 1e-5
        return PlotSpec(title: "Finite-difference error of sin′(1)", xLabel: "step h", yLabel: "absolute error",
                        xScale: .log, yScale: .log,
                        series: [PlotSpec.Series(name: "central", xs: hs, ys: central),
                                 PlotSpec.Series(name: "forward", xs: hs, ys: forward)],
                        markers: [PlotSpec.Marker(x: best, label: "best h ≈ \(String(format: "%.0e", best))")])
    }

    /// Three curves, one with a gap of nan values.
    static var lines: PlotSpec {
        let xs = stride(from: -3.0, through: 3, by: 0.05).map { $0 }
        let gapped = xs.map { abs($0 - 0.5) < 0.3 ? Double.nan : 1 / (1 + exp(-2 * $0)) }
        return PlotSpec(title: "Activation functions", xLabel: "x", yLabel: "f(x)",
                        series: [PlotSpec.Series(name: "tanh(x)", xs: xs, ys: xs.map(tanh)),
                                 PlotSpec.Series(name: "relu(x) <clipped>", xs: xs, ys: xs.map { min(max($0, 0), 1.5) }),
                                 PlotSpec.Series(name: "sigmoid(2x) with a nan gap", xs: xs, ys: gapped),
                                 PlotSpec.Series(name: "sin(x)/2", xs: xs, ys: xs.map { sin($0) / 2 })])
    }

    /// Two interleaved half-moons, most points unlabelled (group −1), as in label propagation.
    static var moons: PlotSpec {
        var xs: [Double] = [], ys: [Double] = [], groups: [Int] = []
        var state: UInt64 = 42
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) / Double(1 << 53) - 0.5) * 0.3
        }
        for i in 0..<120 {
            let t = Double.pi * Double(i % 60) / 59
            let upper = i < 60
            xs.append((upper ? cos(t) : 1 - cos(t)) + noise())
            ys.append((upper ? sin(t) : 0.5 - sin(t)) + noise())
            groups.append(i % 12 == 0 ? (upper ? 0 : 1) : -1)
        }
        return PlotSpec(title: "Label propagation on two moons", xLabel: "x₁", yLabel: "x₂",
                        series: [PlotSpec.Series(name: "points", xs: xs, ys: ys, style: .scatter, groups: groups)])
    }

    /// Shaped like the language's `gradtable` (columns, `—` for a missing symbolic value, `ok`).
    static var gradTable: DisplayTable {
        DisplayTable(kind: .gradient, caption: "gradtable(f, [1, 2])",
                     columns: ["input", "symbolic", "forward", "reverse", "numeric", "max rel diff", "ok"],
                     rows: [["x", "6", "6", "6", "6.000000000", "1.1e-11", "✓"],
                            ["y", "-0.4161468365", "-0.4161468365", "-0.4161468365", "-0.4161468353", "2.9e-9", "✓"],
                            ["z", "—", "nan", "1e+20", "inf", "nan", "✗"]],
                     verdicts: [true, true, false])
    }

    static var digits: ImageGrid {
        let zero: [Double] = [0, 0, 4, 9, 9, 4, 0, 0, 0, 5, 10, 3, 3, 10, 5, 0, 0, 9, 5, 0, 0, 5, 9, 0,
                              0, 10, 2, 0, 0, 2, 10, 0, 0, 10, 2, 0, 0, 2, 10, 0, 0, 9, 5, 0, 0, 5, 9, 0,
                              0, 5, 10, 3, 3, 10, 5, 0, 0, 0, 4, 9, 9, 4, 0, 0].map { $0 / 10 }
        let one: [Double] = (0..<64).map { i in (i % 8 == 4 || i % 8 == 3) && i > 7 ? 1 : (i == 11 ? 0.6 : 0) }
        let noisy = zero.enumerated().map { i, v in min(1, v * 0.7 + Double((i * 37) % 11) / 30) }
        return ImageGrid(title: "Reconstructions", width: 8, height: 8, pixels: [zero, one, noisy, one.map { 1 - $0 }],
                         captions: ["0", "1", "0 (noisy)", "inverted <1>"])
    }

    static var items: [DisplayItem] {
        [.printed("loss = 0.25 <ok> & done\n"), .value("[[1, 2], [3, 4]]"),
         .formula(text: "f'(x) = 3*x^2 + 2",
                  tex: "f'(x) = 3 x^{2} + 2"),
         .plot(hSweep), .plot(lines), .plot(moons), .table(gradTable), .images(digits),
         .plot(PlotSpec(title: "", series: [])),
         .plot(PlotSpec(title: "Constant series and a single point", series: [
            PlotSpec.Series(name: "constant", xs: [0, 1, 2, 3], ys: [5, 5, 5, 5]),
            PlotSpec.Series(name: "single", xs: [1.5], ys: [5.2])])),
         .plot(PlotSpec(title: "Large values", xLabel: "epoch", yLabel: "count",
                        series: [PlotSpec.Series(name: "n", xs: [0, 1, 2, 3, 4], ys: [1.2e6, 2.5e6, 2.4e6, 3.9e6, 4.1e6])])),
        ]
    }

    /// A standalone page with the module's stylesheet and every demo item.
    static var page: String {
        var html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>nb display demo</title>
        <style>
        :root { color-scheme: light dark; }
        body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem;
               color: #1f2328; background: #ffffff; line-height: 1.5; }
        @media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } }
        .nb-output { display: flex; flex-direction: column; }

        """
        html += DisplayHTML.stylesheet
        html += "</style></head><body>\n<h1>nb display demo</h1>\n<div class=\"nb-output\">\n"
        for item in items { html += DisplayHTML.render(item) }
        html += DisplayHTML.render(CellError(message: "unknown name 'gard' <in> \"f\"", location: TextLocation(line: 12, column: 5),
                                             hint: "did you mean 'grad'?"))
        return html + "</div>\n</body></html>\n"
    }
}
