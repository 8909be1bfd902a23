/// `plot(xs, ys, …)` and `scatter(xs, ys, …)`: display objects drawn as inline SVG by the renderer.
public enum PlotBuiltins {
    static let labels: Set<String> = ["title", "label", "xlabel", "ylabel", "xscale", "yscale", "groups"]

    public static let all: [Builtin] = [
        Builtin("plot", usage: "plot(xs, ys, title: \"…\", label: \"…\", xlabel:, ylabel:, xscale: \"log\", yscale:) or plot(f, xs)") { call throws(LanguageError) in
            .display(.plot(try spec(call, style: .line)))
        },
        Builtin("scatter", usage: "scatter(xs, ys, title: \"…\", label: \"…\", groups: labels)") { call throws(LanguageError) in
            .display(.plot(try spec(call, style: .scatter)))
        },
    ]

    static func spec(_ call: BuiltinCall, style: PlotSpec.Style) throws(LanguageError) -> PlotSpec {
        try call.expect(2, labels: labels)
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
