import NBAutodiff

/// The engine's gradient table for `gradtable` / `gradcheck`, with its display form.
struct GradientComparison {
    let result: GradientTable

    init(_ call: BuiltinCall) throws(LanguageError) {
        let p = try call.problem()
        let point = try call.plainPoint(p)
        let rtol = try call.number(label: "rtol", default: call.options.rtol)
        let atol = try call.number(label: "atol", default: call.options.atol)
        result = try call.engine { try EngineBridge.gradientTable(p.function, at: point, rtol: rtol, atol: atol) }
    }

    var passed: Bool { result.allAgree }
    var rtol: Double { result.rtol }
    var atol: Double { result.atol }

    var failingInputs: [String] { result.rows.filter { !$0.agrees }.map(\.name) }

    var summary: String {
        passed ? "all gradient methods agree" : "gradient methods disagree for \(failingInputs.joined(separator: ", "))"
    }

    var table: DisplayTable {
        let rows = result.rows.map { row -> [String] in
            [row.name, row.symbolic.map(NumberFormat.format) ?? "—", NumberFormat.format(row.forward), NumberFormat.format(row.reverse),
             NumberFormat.format(row.numeric), Self.short(row.largestRelativeDisagreement), row.verdict]
        }
        return DisplayTable(kind: .gradient, columns: GradientTable.columnTitles, rows: rows, verdicts: result.rows.map(\.agrees))
    }

    /// Three significant digits: relative differences are orders of magnitude, not exact values.
    static func short(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return NumberFormat.format(x) }
        let exponent = Int((Double.apply(.log, Swift.abs(x)) / Double.apply(.log, 10)).rounded(.down))
        let scale = Double.power(10, Double(2 - exponent))
        return NumberFormat.format((x * scale).rounded() / scale)
    }
}
