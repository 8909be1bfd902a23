import NBLanguage

/// Where everything in a plot goes, in viewBox units.
///
/// The width is one of two (the SVG scales with the page: `narrowWidth` for phones, `wideWidth`
/// for a desktop column, so text keeps about the same size on both); the plot area's height is
/// fixed; margins
/// grow with the tick labels, axis labels, the title (wrapped onto up to three lines) and the
/// legend (entries flow into rows under the x-axis label).
struct PlotLayout {
    /// The phone plot: at 340 px (a 400 px screen) it is drawn at 0.85×, tick labels near 12 px.
    static let narrowWidth = 400.0
    /// The desktop plot: about the width of the text column, drawn near 1×.
    static let wideWidth = 720.0
    /// A plot drawn on its own (`SVGPlot.render` without a width).
    static let standaloneWidth = 500.0
    static let plotHeight = 260.0
    static let tickFont = 14.0
    static let labelFont = 15.0
    static let titleFont = 16.0
    static let legendFont = 14.0
    static let tickLength = 5.0
    static let minorTickLength = 3.0
    static let legendRowHeight = 20.0
    /// Minimum room between data and the frame, as a fraction of the data's span.
    static let margin = 0.04

    /// A legend entry and where it is drawn (`x`, `y`: left end of the swatch, its middle).
    struct LegendEntry {
        enum Swatch { case line, dot }
        var swatch: Swatch
        /// Palette class, or `nil` for unlabelled points.
        var slot: Int?
        var label: PlotText
        var x: Double
        var y: Double
    }

    /// Width of the viewBox.
    var width: Double
    var xAxis: PlotAxis
    var yAxis: PlotAxis
    var xLabel: PlotText
    var yLabel: PlotText
    var titleLines: [PlotText]
    /// Plot area edges.
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    /// Total height of the viewBox.
    var height: Double
    var legend: [LegendEntry]

    init(spec: PlotSpec, data: PlotData, width: Double = PlotLayout.standaloneWidth) {
        // Data keeps clear of the frame vertically; horizontally only dots need the room.
        let xMargin = spec.series.contains { $0.style == .scatter } ? Self.margin : 0
        let y = PlotAxis.make(scale: spec.yScale, covering: data.yRange, targetCount: 6, margin: Self.margin)
        let yLabelText = Self.axisLabel(spec.yLabel, y)
        let yTickWidth = y.major.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
        let left = 8 + (yLabelText.isEmpty ? 0 : Self.labelFont + 8) + yTickWidth + 6 + Self.tickLength

        // Fewer x ticks until neighbouring labels leave room between them.
        var x = PlotAxis.make(scale: spec.xScale, covering: data.xRange, targetCount: 7, margin: xMargin)
        var right = width - 16.0
        for target in stride(from: 7, through: 2, by: -1) {
            x = PlotAxis.make(scale: spec.xScale, covering: data.xRange, targetCount: target, margin: xMargin)
            let lastHalf = (x.major.last.map { TextMetrics.width($0.label, fontSize: Self.tickFont) } ?? 0) / 2
            right = width - max(16, lastHalf + 6)
            let widest = x.major.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
            let spacing = (right - left) / Double(max(x.major.count - 1, 1))
            if widest + 10 <= spacing { break }
        }

        // A title with TeX stays on one line (a line break must not split a formula).
        let title = PlotText(spec.title)
        let titleLines = spec.title.isEmpty ? [] : title.hasMath ? [title] :
            TextMetrics.wrap(spec.title, in: width - 24, fontSize: Self.titleFont, maxLines: 3).map(PlotText.init)
        let top = 10 + Double(titleLines.count) * (Self.titleFont + 4) + (titleLines.isEmpty ? 4 : 8)
        let bottom = top + Self.plotHeight
        let xLabelText = Self.axisLabel(spec.xLabel, x)
        var cursor = bottom + Self.tickLength + 4 + Self.tickFont + (xLabelText.isEmpty ? 0 : 8 + Self.labelFont)

        var legend = Self.legendEntries(spec: spec, data: data)
        if !legend.isEmpty {
            cursor += 10
            var lineX = left
            var rowY = cursor + Self.legendRowHeight / 2
            for i in legend.indices {
                let given = legend[i].label
                let label = given.hasMath ? given
                    : PlotText(TextMetrics.fit(given.plain, in: right - left - 24, fontSize: Self.legendFont))
                let entryWidth = 22 + label.width(fontSize: Self.legendFont)
                if lineX > left, lineX + entryWidth > right {
                    lineX = left
                    rowY += Self.legendRowHeight
                }
                legend[i].label = label
                legend[i].x = lineX
                legend[i].y = rowY
                lineX += entryWidth + 16
            }
            cursor = rowY + Self.legendRowHeight / 2
        }

        self.width = width
        self.xAxis = x
        self.yAxis = y
        self.xLabel = Self.fitted(xLabelText, in: right - left)
        self.yLabel = Self.fitted(yLabelText, in: Self.plotHeight)
        self.titleLines = titleLines
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
        self.height = (cursor + 10).rounded(.up)
        self.legend = legend
    }

    /// An axis label: TeX as given, plain text shortened to fit.
    private static func fitted(_ text: String, in available: Double) -> PlotText {
        let label = PlotText(text)
        return label.hasMath ? label : PlotText(TextMetrics.fit(text, in: available, fontSize: labelFont))
    }

    /// Horizontal position of data value `v`.
    func px(_ v: Double) -> Double { left + xAxis.fraction(of: v) * (right - left) }
    /// Vertical position of data value `v`.
    func py(_ v: Double) -> Double { bottom - yAxis.fraction(of: v) * (bottom - top) }

    /// The axis label with the axis's common power of ten, if any (`x (×10⁶)`).
    private static func axisLabel(_ label: String, _ axis: PlotAxis) -> String {
        guard let n = axis.commonExponent else { return label }
        let factor = "×" + TickLabel.powerOfTen(n)
        return label.isEmpty ? factor : label + " (" + factor + ")"
    }

    /// One entry per series when there are several, one per group for grouped scatter series;
    /// none when only one entry would result.
    private static func legendEntries(spec: PlotSpec, data: PlotData) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        for series in data.series {
            if series.style == .scatter, spec.series[series.index].groups != nil {
                for group in series.groups {
                    let name = group < 0 ? "unlabelled" : "class \(group)"
                    let label = data.series.count > 1 ? series.name + ": " + name : name
                    entries.append(LegendEntry(swatch: .dot, slot: group < 0 ? nil : PlotPalette.slot(group),
                                               label: PlotText(label), x: 0, y: 0))
                }
            } else {
                entries.append(LegendEntry(swatch: series.style == .line ? .line : .dot,
                                           slot: PlotPalette.slot(series.index), label: PlotText(series.name), x: 0, y: 0))
            }
        }
        // A single named series (`label:`) is named too; a single unnamed one needs no legend.
        if entries.count == 1, !spec.series.isEmpty, spec.series[0].groups == nil {
            return entries[0].label.plain.isEmpty ? [] : entries
        }
        return entries.count > 1 ? entries : []
    }
}
