import NBLanguage

/// A plot's series reduced to what can be drawn on the chosen axes.
///
/// Points with a non-finite coordinate, or a coordinate ≤ 0 on a log axis, are dropped and break
/// the line they were on. `xs`/`ys` of different lengths are cut to the shorter one.
struct PlotData {
    struct Point: Equatable {
        var x: Double
        var y: Double
        /// The point's class in a grouped scatter plot.
        var group: Int?
    }

    struct Series {
        var index: Int
        var name: String
        var style: PlotSpec.Style
        /// Runs of consecutive drawable points; a dropped point ends a run.
        var segments: [[Point]]
        /// Distinct groups of a grouped scatter, ascending (empty when not grouped).
        var groups: [Int]
        var pointCount: Int { segments.reduce(0) { $0 + $1.count } }
    }

    var series: [Series]
    /// Extent of the drawable points and marker positions on each axis (`nil`: nothing drawable).
    var xRange: ClosedRange<Double>?
    var yRange: ClosedRange<Double>?
    /// How many given points could not be drawn.
    var droppedCount: Int

    init(_ spec: PlotSpec) {
        func usable(_ v: Double, _ scale: PlotSpec.Scale) -> Bool { v.isFinite && (scale == .linear || v > 0) }
        var xRange: ClosedRange<Double>?
        var yRange: ClosedRange<Double>?
        func extend(_ range: inout ClosedRange<Double>?, _ v: Double) {
            range = range.map { min($0.lowerBound, v)...max($0.upperBound, v) } ?? v...v
        }
        var dropped = 0
        var series: [Series] = []
        for (index, given) in spec.series.enumerated() {
            var segments: [[Point]] = []
            var run: [Point] = []
            var groups: [Int] = []
            let count = min(given.xs.count, given.ys.count)
            dropped += max(given.xs.count, given.ys.count) - count
            for i in 0..<count {
                let x = given.xs[i], y = given.ys[i]
                guard usable(x, spec.xScale), usable(y, spec.yScale) else {
                    dropped += 1
                    if !run.isEmpty { segments.append(run); run = [] }
                    continue
                }
                let group = given.groups.flatMap { i < $0.count ? $0[i] : nil }
                if let group { groups.append(group) }
                run.append(Point(x: x, y: y, group: group))
                extend(&xRange, x)
                extend(&yRange, y)
            }
            if !run.isEmpty { segments.append(run) }
            let distinct = Array(Set(groups)).sorted()
            series.append(Series(index: index, name: given.name, style: given.style,
                                 segments: segments, groups: given.groups == nil ? [] : distinct))
        }
        // Markers widen the x range only when there is data to show them against.
        if xRange != nil {
            for marker in spec.markers where usable(marker.x, spec.xScale) { extend(&xRange, marker.x) }
        }
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.droppedCount = dropped
    }
}
