import NBLearning

/// `images(X, rows, …)`: rows of a matrix drawn as small grayscale images (8×8 digits,
/// reconstructions).
public enum ImageBuiltins {
    /// The most images one call draws.
    static let maximumImages = 400

    public static let all: [Builtin] = [
        Builtin("images", .display,
            summary: "Draws rows of a matrix as small grayscale images (each row `width` pixels wide; values divided by `max:`, by default the largest shown).",
            parameters: [
                .positional("X", .tensor),
                .optional("rows", .tensor),
                .labelled("width", .wholeNumber, shown: "√(columns of X)"),
                .labelled("title", .string, shown: "\"N images\""),
                .labelled("captions", .tensor, shown: "none"),
                .labelled("max", .number, shown: "the largest value shown"),
            ],
            discussion: #"""
            Without `rows` every row is drawn.
            """#,
            examples: [
                BuiltinExample("images", #"""
                images([[0, 1, 1, 0], [1, 0, 0, 1]], 0..<2, width: 2, captions: [0, 1], title: "two tiny images")
                """#, output: #"""
                <images: two tiny images, 2 images, 2x2>
                  pixels  min 0, max 1, mean 0.5, sd 0.5
                  image means  0.5  0.5
                  captions  0  1
                """#),
            ]) { call throws(LanguageError) in
            let x = try call.matrix(0, "X")
            let columns = x.shape[1]
            let rows: [Int]
            if call.positional.count == 2 {
                rows = try call.tensor(1, "rows").scalars.map { (r: Double) throws(LanguageError) -> Int in
                    guard r >= 0, r < Double(x.shape[0]), r == r.rounded() else {
                        throw call.error("row \(NumberFormat.format(r)) is outside 0..<\(x.shape[0])", at: call.location(of: 1))
                    }
                    return Int(r)
                }
            } else {
                rows = Array(0..<min(x.shape[0], 16))
            }
            guard !rows.isEmpty, rows.count <= maximumImages else { throw call.error("draws 1 to \(maximumImages) images, got \(rows.count)") }
            let width = try call.optionalInteger(label: "width") ?? Int(Double(columns).squareRoot().rounded())
            guard width >= 1, columns % width == 0 else {
                throw call.error("rows of \(columns) pixels do not split into images \(width) pixels wide")
            }
            var pixels = rows.map { Array(x.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
            let top = try call.optionalNumber(label: "max") ?? max(pixels.joined().max() ?? 1, 1e-12)
            guard top > 0 else { throw call.error("max: must be positive") }
            pixels = pixels.map { $0.map { min(max($0 / top, 0), 1) } }
            var captions: [String] = []
            if let given = call.named["captions"] {
                guard let t = given.asTensor, t.count == rows.count || t.count == x.shape[0] else {
                    throw call.error("captions: needs one entry per image (\(rows.count)) or per row of X (\(x.shape[0]))", at: call.namedLocations["captions"])
                }
                captions = (t.count == rows.count && t.count != x.shape[0] ? t.scalars : rows.map { t.scalars[$0] }).map(NumberFormat.format)
            }
            let title = try call.string(label: "title", default: "\(rows.count) image\(rows.count == 1 ? "" : "s")")
            return .display(.images(ImageGrid(title: title, width: width, height: columns / width, pixels: pixels, captions: captions)))
        },
    ]
}
