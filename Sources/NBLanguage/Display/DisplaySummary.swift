/// The text form of what a plot or an image grid shows (SPEC §5): a header line, then indented
/// summary lines whose numbers `nb test` compares within its tolerance, so drawing a different
/// function, other data or other colours fails the output block.
extension PlotSpec {
    /// How many points of a series are quoted (evenly spaced, first and last included).
    static let sampleCount = 8

    /// `<plot: TITLE, N series, M points>`, then per series its name, `scatter` when it is drawn
    /// as dots rather than a line, its point count, x and y ranges (finite values only) and
    /// sampled points; per-group counts for a coloured scatter;
    /// one line per marker.
    public var transcript: String {
        var lines = ["<plot: \(title), \(series.count) series, \(pointCount) points>"]
        for s in series {
            let style = s.style == .scatter ? "scatter, " : ""
            lines.append("  series \(DisplaySummary.quoted(s.name)): \(style)\(s.xs.count) points, x \(DisplaySummary.range(s.xs)), y \(DisplaySummary.range(s.ys))")
            let indices = DisplaySummary.sampleIndices(count: min(s.xs.count, s.ys.count), samples: Self.sampleCount)
            guard !indices.isEmpty else { continue }
            lines.append("    x  " + indices.map { DisplaySummary.number(s.xs[$0]) }.joined(separator: "  "))
            lines.append("    y  " + indices.map { DisplaySummary.number(s.ys[$0]) }.joined(separator: "  "))
            if let groups = s.groups, !groups.isEmpty {
                let counts = Dictionary(grouping: groups, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }
                lines.append("    groups  " + counts.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
                let shown = indices.filter { $0 < groups.count }
                lines.append("    group  " + shown.map { String(groups[$0]) }.joined(separator: "  "))
            }
        }
        for marker in markers {
            lines.append("  marker \(DisplaySummary.quoted(marker.label)) at x \(DisplaySummary.number(marker.x))")
        }
        return lines.joined(separator: "\n")
    }
}

extension ImageGrid {
    /// How many images' means are quoted (evenly spaced, first and last included).
    static let sampleCount = 16

    /// `<images: TITLE, N images, WxH>`, then the pixel statistics over all images, the mean of
    /// each image (of sixteen evenly spaced ones when there are more) and, when they have
    /// captions, the captions of the same images.
    public var transcript: String {
        var lines = ["<images: \(title), \(pixels.count) images, \(width)x\(height)>"]
        let all = pixels.flatMap { $0 }
        guard !all.isEmpty else { return lines[0] }
        let mean = all.reduce(0, +) / Double(all.count)
        let sd = (all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(all.count)).squareRoot()
        lines.append("  pixels  min \(DisplaySummary.number(all.min() ?? 0)), max \(DisplaySummary.number(all.max() ?? 0)), mean \(DisplaySummary.number(mean)), sd \(DisplaySummary.number(sd))")
        let indices = DisplaySummary.sampleIndices(count: pixels.count, samples: Self.sampleCount)
        let means = indices.map { i in pixels[i].isEmpty ? 0 : pixels[i].reduce(0, +) / Double(pixels[i].count) }
        lines.append("  image means  " + means.map(DisplaySummary.number).joined(separator: "  "))
        if !captions.isEmpty {
            let shown = indices.filter { $0 < captions.count }.map { i -> String in
                let caption = captions[i]
                return caption.isEmpty || caption.contains(where: \.isWhitespace) ? DisplaySummary.quoted(caption) : caption
            }
            lines.append("  captions  " + shown.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}

/// Helpers for the plot and image summaries.
enum DisplaySummary {
    /// Up to `samples` indices into `0..<count`, evenly spaced, the first and the last included.
    static func sampleIndices(count: Int, samples: Int) -> [Int] {
        guard count > 0 else { return [] }
        guard count > samples else { return Array(0..<count) }
        return (0..<samples).map { j in (j * (count - 1) + (samples - 1) / 2) / (samples - 1) }
    }

    /// `from A to B` over the finite values, or `none` when there are none.
    static func range(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "none" }
        return "from \(number(low)) to \(number(high))"
    }

    static func number(_ x: Double) -> String { NumberFormat.format(x) }

    /// A name in double quotes on one line (line breaks become spaces).
    static func quoted(_ name: String) -> String {
        "\"" + name.map { $0.isNewline ? " " : String($0) }.joined() + "\""
    }
}
