import NBLanguage

/// Draws a `PlotSpec` as inline SVG: `<svg class="nb-plot" viewBox=… role="img">` with a `<title>`.
///
/// Axes and text use `currentColor`; series colours come from the classes `nb-s0` … `nb-s9`
/// (see `PlotPalette` and `DisplayHTML.stylesheet`), so the page's light and dark schemes both
/// apply. Coordinates are written with at most two decimals; the same spec always gives the same
/// bytes.
public enum SVGPlot {
    /// Series with at most this many points also get a dot at every point.
    static let dotsUpTo = 40
    /// Lines keep at most four points per column this wide (viewBox units; a quarter of a CSS
    /// pixel at the usual size).
    static let columnWidth = 0.25

    /// The SVG for `plot`, `width` viewBox units wide (`PlotLayout.standaloneWidth` by default; a page
    /// holds one `wideWidth` and one `narrowWidth` drawing);
    /// `classes` are added to `nb-plot`.
    public static func render(_ plot: PlotSpec, width viewWidth: Double = 500, classes: String = "") -> String {
        let data = PlotData(plot)
        let layout = PlotLayout(spec: plot, data: data, width: viewWidth)
        var svg = SVGWriter()
        let width = SVGNumber.format(layout.width), height = SVGNumber.format(layout.height)
        svg.open("svg", [
            ("class", classes.isEmpty ? "nb-plot" : "nb-plot " + classes), ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(width) \(height)"), ("width", width), ("height", height), ("role", "img"),
            ("font-family", "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"),
        ])
        svg.element("title", text: plot.title.isEmpty ? "plot" : PlotText(plot.title).plain)
        svg.element("desc", text: description(plot, data))
        drawGrid(layout, into: &svg)
        drawSeries(data, layout, into: &svg)
        drawAxes(layout, into: &svg)
        drawMarkers(plot.markers, hasData: data.xRange != nil, layout, into: &svg)
        drawText(plot, data, layout, into: &svg)
        drawLegend(layout, into: &svg)
        svg.close("svg")
        return svg.output
    }

    /// Text alternative: series, points and what could not be drawn.
    static func description(_ plot: PlotSpec, _ data: PlotData) -> String {
        var parts = ["\(plot.series.count) series", "\(plot.pointCount) points"]
        if data.droppedCount > 0 {
            let why = plot.xScale == .log || plot.yScale == .log ? "nan, inf or not positive on a log axis" : "nan or inf"
            parts.append("\(data.droppedCount) not shown (\(why))")
        }
        let names = plot.series.map { PlotText($0.name).plain }.filter { !$0.isEmpty }
        if !names.isEmpty { parts.append("series: " + names.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    // MARK: - Parts

    private static func drawGrid(_ layout: PlotLayout, into svg: inout SVGWriter) {
        var d = ""
        for tick in layout.xAxis.major {
            let x = n(layout.px(tick.value))
            d += "M\(x) \(n(layout.top))V\(n(layout.bottom))"
        }
        for tick in layout.yAxis.major {
            let y = n(layout.py(tick.value))
            d += "M\(n(layout.left)) \(y)H\(n(layout.right))"
        }
        svg.empty("path", [("class", "nb-grid"), ("d", d), ("fill", "none"), ("stroke", "currentColor"),
                           ("stroke-opacity", "0.13"), ("stroke-width", "1")])
    }

    private static func drawAxes(_ layout: PlotLayout, into svg: inout SVGWriter) {
        let (l, r, t, b) = (layout.left, layout.right, layout.top, layout.bottom)
        var major = "M\(n(l)) \(n(t))V\(n(b))H\(n(r))"
        for tick in layout.xAxis.major { major += "M\(n(layout.px(tick.value))) \(n(b))v\(n(PlotLayout.tickLength))" }
        for tick in layout.yAxis.major { major += "M\(n(l)) \(n(layout.py(tick.value)))h\(n(-PlotLayout.tickLength))" }
        svg.empty("path", [("class", "nb-axis"), ("d", major), ("fill", "none"), ("stroke", "currentColor"),
                           ("stroke-width", "1")])
        var minor = ""
        for v in layout.xAxis.minor { minor += "M\(n(layout.px(v))) \(n(b))v\(n(PlotLayout.minorTickLength))" }
        for v in layout.yAxis.minor { minor += "M\(n(l)) \(n(layout.py(v)))h\(n(-PlotLayout.minorTickLength))" }
        if !minor.isEmpty {
            svg.empty("path", [("class", "nb-axis-minor"), ("d", minor), ("fill", "none"), ("stroke", "currentColor"),
                               ("stroke-opacity", "0.7"), ("stroke-width", "1")])
        }
    }

    private static func drawSeries(_ data: PlotData, _ layout: PlotLayout, into svg: inout SVGWriter) {
        for series in data.series {
            let slot = PlotPalette.slot(series.index)
            switch series.style {
            case .line:
                var d = ""
                for segment in series.segments where segment.count > 1 {
                    let screen = segment.map { (x: layout.px($0.x), y: layout.py($0.y)) }
                    var written: [String] = []
                    for p in PolylineReduction.reduce(screen, columnWidth: columnWidth) {
                        let xy = "\(n(p.x)) \(n(p.y))"
                        if xy != written.last { written.append(xy) }  // same point at the written precision
                    }
                    if written.count > 1 { d += "M" + written[0] + "L" + written.dropFirst().joined(separator: " ") }
                }
                if !d.isEmpty {
                    svg.empty("path", [("class", "nb-line nb-s\(slot)"), ("d", d), ("fill", "none"),
                                       ("stroke", PlotPalette.colours[slot].light), ("stroke-width", "2"),
                                       ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
                }
                // Dots where a lone point has no line, or at every point of a short series.
                let dotAll = series.pointCount <= dotsUpTo
                for segment in series.segments where dotAll || segment.count == 1 {
                    drawDots(segment, slotOf: { _ in slot }, radius: segment.count == 1 ? 3 : 2.5, layout, into: &svg)
                }
            case .scatter:
                let points = series.segments.flatMap { $0 }
                let radius = points.count > 300 ? 2.0 : 3.0
                if series.groups.isEmpty {
                    drawDots(points, slotOf: { _ in slot }, radius: radius, layout, into: &svg)
                } else {
                    // Unlabelled points first, so labelled ones stay visible on top.
                    let unlabelled = points.filter { ($0.group ?? 0) < 0 }
                    let labelled = points.filter { ($0.group ?? 0) >= 0 }
                    drawDots(unlabelled, slotOf: { _ in nil }, radius: radius, layout, into: &svg)
                    // Among many unlabelled points the few labelled ones are drawn larger.
                    drawDots(labelled, slotOf: { PlotPalette.slot($0.group ?? series.index) },
                             radius: unlabelled.isEmpty ? radius : radius + 1, layout, into: &svg)
                }
            }
        }
    }

    /// Circles for `points`, one `<g class="nb-dots nb-sK">` per colour (unlabelled first, then
    /// by slot); `slotOf` gives a palette slot, `nil` for the unlabelled colour.
    private static func drawDots(_ points: [PlotData.Point], slotOf: (PlotData.Point) -> Int?, radius: Double,
                                 _ layout: PlotLayout, into svg: inout SVGWriter) {
        var buckets = Array(repeating: [PlotData.Point](), count: PlotPalette.colours.count + 1)
        for p in points { buckets[slotOf(p).map { $0 + 1 } ?? 0].append(p) }
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            let slot = index == 0 ? nil : Optional(index - 1)
            let (cls, colour) = slot.map { ("nb-dots nb-s\($0)", PlotPalette.colours[$0].light) }
                ?? ("nb-dots nb-unlabelled", PlotPalette.unlabelled.light)
            svg.open("g", [("class", cls), ("fill", colour)])
            // A dot drawn exactly over an identical one changes nothing; big scatters of few
            // distinct values stay small.
            var drawn = Set<String>()
            for p in bucket {
                let cx = n(layout.px(p.x)), cy = n(layout.py(p.y))
                guard drawn.insert(cx + " " + cy).inserted else { continue }
                svg.empty("circle", [("cx", cx), ("cy", cy), ("r", n(radius))])
            }
            svg.close("g")
        }
    }

    private static func drawMarkers(_ markers: [PlotSpec.Marker], hasData: Bool, _ layout: PlotLayout,
                                    into svg: inout SVGWriter) {
        guard hasData else { return }
        for (i, marker) in markers.enumerated() where layout.xAxis.accepts(marker.x) {
            let x = layout.px(marker.x)
            svg.empty("line", [("class", "nb-marker"), ("x1", n(x)), ("y1", n(layout.top)), ("x2", n(x)),
                               ("y2", n(layout.bottom)), ("stroke", "currentColor"), ("stroke-width", "1.2"),
                               ("stroke-dasharray", "5 4")])
            let label = TextMetrics.fit(TickLabel.formattingNumbers(in: marker.label), in: (layout.right - layout.left) * 0.6,
                                        fontSize: PlotLayout.tickFont)
            let labelWidth = TextMetrics.width(label, fontSize: PlotLayout.tickFont)
            let onRight = x + 5 + labelWidth <= layout.right
            let y = layout.top + 14 + Double(i % 4) * 16
            svg.element("text", [("class", "nb-marker-label nb-halo"), ("x", n(onRight ? x + 5 : x - 5)), ("y", n(y)),
                                 ("text-anchor", onRight ? "start" : "end"), ("font-size", n(PlotLayout.tickFont)),
                                 ("fill", "currentColor")], text: label)
        }
    }

    private static func drawText(_ plot: PlotSpec, _ data: PlotData, _ layout: PlotLayout, into svg: inout SVGWriter) {
        svg.open("g", [("class", "nb-plot-text"), ("fill", "currentColor"), ("font-size", n(PlotLayout.tickFont))])
        let xLabelY = layout.bottom + PlotLayout.tickLength + 4 + PlotLayout.tickFont * 0.8
        for tick in layout.xAxis.major {
            svg.element("text", [("x", n(layout.px(tick.value))), ("y", n(xLabelY)), ("text-anchor", "middle")],
                        text: tick.label)
        }
        let yLabelX = layout.left - PlotLayout.tickLength - 4
        for tick in layout.yAxis.major {
            svg.element("text", [("x", n(yLabelX)), ("y", n(layout.py(tick.value) + PlotLayout.tickFont * 0.35)),
                                 ("text-anchor", "end")], text: tick.label)
        }
        if !layout.xLabel.runs.isEmpty {
            let y = layout.bottom + PlotLayout.tickLength + 4 + PlotLayout.tickFont + 8 + PlotLayout.labelFont * 0.8
            svg.element("text", [("class", "nb-axis-label"), ("x", n((layout.left + layout.right) / 2)), ("y", n(y)),
                                 ("text-anchor", "middle"), ("font-size", n(PlotLayout.labelFont))],
                        markup: layout.xLabel.svg(fontSize: PlotLayout.labelFont))
        }
        if !layout.yLabel.runs.isEmpty {
            let x = 8 + PlotLayout.labelFont * 0.8, y = (layout.top + layout.bottom) / 2
            svg.element("text", [("class", "nb-axis-label"), ("x", n(x)), ("y", n(y)), ("text-anchor", "middle"),
                                 ("transform", "rotate(-90 \(n(x)) \(n(y)))"), ("font-size", n(PlotLayout.labelFont))],
                        markup: layout.yLabel.svg(fontSize: PlotLayout.labelFont))
        }
        for (i, line) in layout.titleLines.enumerated() {
            let y = 10 + PlotLayout.titleFont * 0.8 + Double(i) * (PlotLayout.titleFont + 4)
            // Centred over the plot area when the line fits there, else over the whole width.
            let half = line.width(fontSize: PlotLayout.titleFont) / 2
            let centre = (layout.left + layout.right) / 2
            let x = centre - half >= 8 && centre + half <= layout.width - 8 ? centre : layout.width / 2
            svg.element("text", [("class", "nb-plot-title"), ("x", n(x)), ("y", n(y)),
                                 ("text-anchor", "middle"), ("font-size", n(PlotLayout.titleFont)),
                                 ("font-weight", "600")], markup: line.svg(fontSize: PlotLayout.titleFont))
        }
        if data.xRange == nil {
            let note: String
            if plot.pointCount == 0 { note = "no data" }
            else if plot.xScale == .log || plot.yScale == .log { note = "no finite positive points to show on a log axis" }
            else { note = "no finite points to show" }
            svg.element("text", [("class", "nb-plot-note"), ("x", n((layout.left + layout.right) / 2)),
                                 ("y", n((layout.top + layout.bottom) / 2)), ("text-anchor", "middle"),
                                 ("font-size", n(PlotLayout.labelFont)), ("fill-opacity", "0.7")], text: note)
        }
        svg.close("g")
    }

    private static func drawLegend(_ layout: PlotLayout, into svg: inout SVGWriter) {
        guard !layout.legend.isEmpty else { return }
        svg.open("g", [("class", "nb-legend"), ("font-size", n(PlotLayout.legendFont))])
        for entry in layout.legend {
            let (cls, colour) = entry.slot.map { ("nb-s\($0)", PlotPalette.colours[$0].light) }
                ?? ("nb-unlabelled", PlotPalette.unlabelled.light)
            if entry.swatch == .line {
                svg.empty("line", [("class", "nb-line \(cls)"), ("x1", n(entry.x)), ("y1", n(entry.y)),
                                   ("x2", n(entry.x + 16)), ("y2", n(entry.y)), ("stroke", colour), ("stroke-width", "2")])
            }
            svg.empty("circle", [("class", "nb-dot \(cls)"), ("cx", n(entry.x + 8)), ("cy", n(entry.y)),
                                 ("r", n(entry.swatch == .line ? 2.5 : 3.5)), ("fill", colour)])
            svg.element("text", [("x", n(entry.x + 22)), ("y", n(entry.y + PlotLayout.legendFont * 0.35)),
                                 ("fill", "currentColor")], markup: entry.label.svg(fontSize: PlotLayout.legendFont))
        }
        svg.close("g")
    }

    private static func n(_ v: Double) -> String { SVGNumber.format(v) }
}
