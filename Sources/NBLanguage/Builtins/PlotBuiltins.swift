/// `plot(xs, ys, …)` and `scatter(xs, ys, …)`: display objects drawn as inline SVG by the renderer.
public enum PlotBuiltins {
    /// The parameters `plot` and `scatter` share.
    static let parameters: [BuiltinParameter] = [
        .positional("xs", .tensor, "the x coordinates"),
        .positional("ys", .tensor, "the y coordinates, one per x"),
        .labelled("title", .string, default: ""),
        .labelled("label", .string, default: "", "the series' name"),
        .labelled("xlabel", .string, default: "x"),
        .labelled("ylabel", .string, default: "y"),
        .labelled("xscale", .string, default: "linear", "`\"linear\"` or `\"log\"`"),
        .labelled("yscale", .string, default: "linear", "`\"linear\"` or `\"log\"`"),
        .labelled("groups", .tensor, shown: "none", "a label per point, coloured by group"),
    ]
    /// `plot(f, xs)`: the function evaluated at each x.
    static let alternatives: [[BuiltinParameter]] = [[.positional("f", .function, "a function of one number"), .positional("xs", .tensor)]]

    public static let all: [Builtin] = [
        Builtin("plot", .display,
            summary: "A line plot (inline SVG on the page).",
            parameters: parameters, alternatives: alternatives,
            discussion: #"""
            `plot(f, xs)` evaluates `f` at each x. Scales are `"linear"` (default) or `"log"`.
            """#,
            examples: [
                BuiltinExample("plot", #"""
                plot(linspace(1, 100, 10), linspace(1, 100, 10)^2, title: "y = x²", xscale: "log", yscale: "log")
                """#, output: #"""
                <plot: y = x², 1 series, 10 points>
                  series "": 10 points, x from 1 to 100, y from 1 to 10000
                    x  1  12  34  45  56  67  89  100
                    y  1  144  1156  2025  3136  4489  7921  10000
                """#),
            ]) { call throws(LanguageError) in
            .display(.plot(try spec(call, style: .line)))
        },
        Builtin("scatter", .display,
            summary: "A scatter plot; `groups:` colours the points by label.",
            parameters: parameters, alternatives: alternatives,
            examples: [
                BuiltinExample("scatter", #"""
                scatter([0, 1, 2, 3], [1, 0, 1, 0], groups: [0, 0, 1, 1], title: "two groups")
                """#, output: #"""
                <plot: two groups, 1 series, 4 points>
                  series "": scatter, 4 points, x from 0 to 3, y from 0 to 1
                    x  0  1  2  3
                    y  1  0  1  0
                    groups  0: 2, 1: 2
                    group  0  0  1  1
                """#),
            ]) { call throws(LanguageError) in
            .display(.plot(try spec(call, style: .scatter)))
        },
    ]

    static func spec(_ call: BuiltinCall, style: PlotSpec.Style) throws(LanguageError) -> PlotSpec {
        let xs = try call.tensor(call.positional[0].isCallable ? 1 : 0, "xs").scalars
        var ys: [Double]
        if call.positional[0].isCallable {
            // plot(f, xs): evaluate f at each x.
            ys = []
            for x in xs {
                let y = try call.call(call.positional[0], [.number(x)])
                guard case .number(let value) = y else { throw call.error("the function must return numbers, got a \(y.typeName)") }
                ys.append(value)
            }
        } else {
            ys = try call.tensor(1, "ys").scalars
        }
        guard xs.count == ys.count else {
            throw call.error("xs and ys must have the same length, got \(xs.count) and \(ys.count)")
        }
        var groups: [Int]?
        if let g = try call.optionalTensor(label: "groups") {
            guard g.count == xs.count else { throw call.error("groups: needs one label per point") }
            groups = g.scalars.map { $0.isFinite ? Int($0) : 0 }
        }
        let title = try call.string(label: "title", default: "")
        let series = PlotSpec.Series(name: try call.string(label: "label", default: ""), xs: xs, ys: ys, style: style, groups: groups)
        return PlotSpec(title: title, xLabel: try call.string(label: "xlabel", default: "x"),
                        yLabel: try call.string(label: "ylabel", default: "y"),
                        xScale: try scale(call, "xscale"), yScale: try scale(call, "yscale"), series: [series])
    }

    private static func scale(_ call: BuiltinCall, _ label: String) throws(LanguageError) -> PlotSpec.Scale {
        let name = try call.string(label: label, default: "linear")
        guard let scale = PlotSpec.Scale(rawValue: name) else {
            throw call.error("\(label): must be \"linear\" or \"log\", got \"\(name)\"")
        }
        return scale
    }
}
