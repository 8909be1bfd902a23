import NBDocument

// Codable conformances for the display contract (owned by NBLanguage), so that cell outcomes can be
// stored in the result cache. Written by hand because conformances declared outside the type's
// file cannot be synthesised. Keys are short and stable: changing them invalidates old caches,
// which is harmless (an undecodable entry is a cache miss).

extension CellError: Codable {
    private enum Keys: String, CodingKey { case message, location, cellLine, hint, excerpt }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(message: try c.decode(String.self, forKey: .message),
                  location: try c.decode(TextLocation.self, forKey: .location),
                  cellLine: try c.decode(Int.self, forKey: .cellLine),
                  hint: try c.decodeIfPresent(String.self, forKey: .hint),
                  excerpt: try c.decodeIfPresent(String.self, forKey: .excerpt))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(message, forKey: .message)
        try c.encode(location, forKey: .location)
        try c.encode(cellLine, forKey: .cellLine)
        try c.encodeIfPresent(hint, forKey: .hint)
        try c.encodeIfPresent(excerpt, forKey: .excerpt)
    }
}

extension CheckRecord.Kind: Codable {}

extension CheckRecord: Codable {
    private enum Keys: String, CodingKey { case kind, passed, message, location }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(kind: try c.decode(Kind.self, forKey: .kind), passed: try c.decode(Bool.self, forKey: .passed),
                  message: try c.decode(String.self, forKey: .message),
                  location: try c.decode(TextLocation.self, forKey: .location))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(passed, forKey: .passed)
        try c.encode(message, forKey: .message)
        try c.encode(location, forKey: .location)
    }
}

extension CellOutcome: Codable {
    private enum Keys: String, CodingKey { case items, error, checks, filesRead }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(items: try c.decode([DisplayItem].self, forKey: .items),
                  error: try c.decodeIfPresent(CellError.self, forKey: .error),
                  checks: try c.decode([CheckRecord].self, forKey: .checks),
                  filesRead: try c.decode([String].self, forKey: .filesRead))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(items, forKey: .items)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encode(checks, forKey: .checks)
        try c.encode(filesRead, forKey: .filesRead)
    }
}

extension DisplayItem: Codable {
    private enum Keys: String, CodingKey { case kind, text, tex, table, plot, images }
    private enum Kind: String, Codable { case printed, value, formula, table, plot, images }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .printed: self = .printed(try c.decode(String.self, forKey: .text))
        case .value: self = .value(try c.decode(String.self, forKey: .text))
        case .formula: self = .formula(text: try c.decode(String.self, forKey: .text),
                                       tex: try c.decode(String.self, forKey: .tex))
        case .table: self = .table(try c.decode(DisplayTable.self, forKey: .table))
        case .plot: self = .plot(try c.decode(PlotSpec.self, forKey: .plot))
        case .images: self = .images(try c.decode(ImageGrid.self, forKey: .images))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .printed(let text): try c.encode(Kind.printed, forKey: .kind); try c.encode(text, forKey: .text)
        case .value(let text): try c.encode(Kind.value, forKey: .kind); try c.encode(text, forKey: .text)
        case .formula(let text, let tex):
            try c.encode(Kind.formula, forKey: .kind); try c.encode(text, forKey: .text); try c.encode(tex, forKey: .tex)
        case .table(let table): try c.encode(Kind.table, forKey: .kind); try c.encode(table, forKey: .table)
        case .plot(let plot): try c.encode(Kind.plot, forKey: .kind); try c.encode(plot, forKey: .plot)
        case .images(let grid): try c.encode(Kind.images, forKey: .kind); try c.encode(grid, forKey: .images)
        }
    }
}

extension DisplayTable.Kind: Codable {}

extension DisplayTable: Codable {
    private enum Keys: String, CodingKey { case kind, caption, columns, rows, verdicts }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(kind: try c.decode(Kind.self, forKey: .kind), caption: try c.decodeIfPresent(String.self, forKey: .caption),
                  columns: try c.decode([String].self, forKey: .columns), rows: try c.decode([[String]].self, forKey: .rows),
                  verdicts: try c.decode([Bool?].self, forKey: .verdicts))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(caption, forKey: .caption)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(verdicts, forKey: .verdicts)
    }
}

extension PlotSpec.Scale: Codable {}
extension PlotSpec.Style: Codable {}

extension PlotSpec.Series: Codable {
    private enum Keys: String, CodingKey { case name, xs, ys, style, groups }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(name: try c.decode(String.self, forKey: .name), xs: try c.decode([CodableDouble].self, forKey: .xs).map(\.value),
                  ys: try c.decode([CodableDouble].self, forKey: .ys).map(\.value), style: try c.decode(PlotSpec.Style.self, forKey: .style),
                  groups: try c.decodeIfPresent([Int].self, forKey: .groups))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(xs.map(CodableDouble.init), forKey: .xs)
        try c.encode(ys.map(CodableDouble.init), forKey: .ys)
        try c.encode(style, forKey: .style)
        try c.encodeIfPresent(groups, forKey: .groups)
    }
}

extension PlotSpec.Marker: Codable {
    private enum Keys: String, CodingKey { case x, label }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(x: try c.decode(CodableDouble.self, forKey: .x).value, label: try c.decode(String.self, forKey: .label))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(CodableDouble(x), forKey: .x)
        try c.encode(label, forKey: .label)
    }
}

extension PlotSpec: Codable {
    private enum Keys: String, CodingKey { case title, xLabel, yLabel, xScale, yScale, series, markers }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(title: try c.decode(String.self, forKey: .title), xLabel: try c.decode(String.self, forKey: .xLabel),
                  yLabel: try c.decode(String.self, forKey: .yLabel), xScale: try c.decode(Scale.self, forKey: .xScale),
                  yScale: try c.decode(Scale.self, forKey: .yScale), series: try c.decode([Series].self, forKey: .series),
                  markers: try c.decode([Marker].self, forKey: .markers))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(title, forKey: .title)
        try c.encode(xLabel, forKey: .xLabel)
        try c.encode(yLabel, forKey: .yLabel)
        try c.encode(xScale, forKey: .xScale)
        try c.encode(yScale, forKey: .yScale)
        try c.encode(series, forKey: .series)
        try c.encode(markers, forKey: .markers)
    }
}

extension ImageGrid: Codable {
    private enum Keys: String, CodingKey { case title, width, height, pixels, captions }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(title: try c.decode(String.self, forKey: .title), width: try c.decode(Int.self, forKey: .width),
                  height: try c.decode(Int.self, forKey: .height),
                  pixels: try c.decode([[CodableDouble]].self, forKey: .pixels).map { $0.map(\.value) },
                  captions: try c.decode([String].self, forKey: .captions))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(title, forKey: .title)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(pixels.map { $0.map(CodableDouble.init) }, forKey: .pixels)
        try c.encode(captions, forKey: .captions)
    }
}

/// A Double that survives JSON round trips bit for bit, nan and ±inf included (JSONEncoder rejects
/// non-finite numbers by default): finite values as numbers, the others as strings.
struct CodableDouble: Codable, Sendable {
    var value: Double
    init(_ value: Double) { self.value = value }
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) { value = number; return }
        switch try c.decode(String.self) {
        case "nan": value = .nan
        case "inf": value = .infinity
        case "-inf": value = -.infinity
        case let other:
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a number: \(other)")
        }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if value.isNaN { try c.encode("nan") }
        else if value.isInfinite { try c.encode(value > 0 ? "inf" : "-inf") }
        else { try c.encode(value) }
    }
}
