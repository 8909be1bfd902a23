/// What a cell shows: one item per displayed value, `print` call or error, in order.
///
/// This is the boundary between execution and rendering. The cell language produces display
/// items; `NBRender` turns each into HTML and `transcript` gives the SPEC §5 text form that
/// `nb run` prints and `output` blocks are compared against.
public enum DisplayItem: Sendable, Equatable {
    /// Text written by `print(...)`.
    case printed(String)
    /// A displayed value in its §5 text form (`12`, `[[1, 2], [3, 4]]`, `6 + 2ε`, `true`).
    case value(String)
    /// A symbolic function: text form `f'(x) = 3*x^2 + 2`, and the same as TeX (`f'(x) = 3 x^{2} + 2`),
    /// which the renderer typesets through the document's one MathML writer.
    case formula(text: String, tex: String)
    /// A table (gradient tables, swell tables, results).
    case table(DisplayTable)
    /// A plot, drawn as inline SVG.
    case plot(PlotSpec)
    /// Small grayscale images (for example 8×8 digit reconstructions) in a grid.
    case images(ImageGrid)
}

/// A table with a header row. Cells are plain text (the renderer escapes them).
public struct DisplayTable: Sendable, Equatable {
    public enum Kind: String, Sendable { case plain, gradient }
    public var kind: Kind
    public var caption: String?
    public var columns: [String]
    public var rows: [[String]]
    /// Per row: `true` ✓, `false` ✗ (highlighted), `nil` no verdict.
    public var verdicts: [Bool?]

    public init(kind: Kind = .plain, caption: String? = nil, columns: [String], rows: [[String]], verdicts: [Bool?] = []) {
        self.kind = kind
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.verdicts = verdicts.isEmpty ? Array(repeating: nil, count: rows.count) : verdicts
    }
}

/// A 2-D plot: one or more series on linear or logarithmic axes.
public struct PlotSpec: Sendable, Equatable {
    public enum Scale: String, Sendable { case linear, log }
    public enum Style: String, Sendable { case line, scatter }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        public var style: Style
        /// Optional class per point for scatter plots coloured by label.
        public var groups: [Int]?
        public init(name: String, xs: [Double], ys: [Double], style: Style = .line, groups: [Int]? = nil) {
            self.name = name; self.xs = xs; self.ys = ys; self.style = style; self.groups = groups
        }
    }

    /// A labelled vertical line (for example the best step size of an h-sweep).
    public struct Marker: Sendable, Equatable {
        public var x: Double
        public var label: String
        public init(x: Double, label: String) { self.x = x; self.label = label }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xScale: Scale
    public var yScale: Scale
    public var series: [Series]
    public var markers: [Marker]

    public init(title: String, xLabel: String = "x", yLabel: String = "y", xScale: Scale = .linear,
                yScale: Scale = .linear, series: [Series], markers: [Marker] = []) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
        self.xScale = xScale; self.yScale = yScale; self.series = series; self.markers = markers
    }

    /// Total number of points over all series.
    public var pointCount: Int { series.reduce(0) { $0 + $1.xs.count } }
}

/// Grayscale images of equal size, values in 0…1, shown in a grid with optional captions.
public struct ImageGrid: Sendable, Equatable {
    public var title: String
    public var width: Int
    public var height: Int
    public var pixels: [[Double]]
    public var captions: [String]
    public init(title: String, width: Int, height: Int, pixels: [[Double]], captions: [String] = []) {
        self.title = title; self.width = width; self.height = height; self.pixels = pixels; self.captions = captions
    }
}
