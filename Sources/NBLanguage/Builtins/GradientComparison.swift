import NBAutodiff

/// Every method's gradient at one point, compared against central differences
/// (the data behind `gradtable` and `gradcheck`).
struct GradientComparison {
    let parameters: [String]
    let symbolic: [Double]?
    let forward: [Double]
    let reverse: [Double]
    let numeric: [Double]
    let rtol: Double
    let atol: Double

    init(_ call: BuiltinCall) throws(LanguageError) {
        let f = try call.scalarFunction(0)
        let point = try call.point(1, for: f)
        rtol = try call.number(label: "rtol", default: call.options.rtol)
        atol = try call.number(label: "atol", default: call.options.atol)
        parameters = f.parameterNames
        let name = call.functionName(0)
        symbolic = try call.engine { () throws -> [Double]? in
            var values: [Double] = []
            for parameter in f.parameterNames {
                guard let d = try EngineBridge.symbolicDerivative(f, name: name, withRespectTo: parameter) else { return nil }
                values.append(try EngineBridge.value(d.function, at: point))
            }
            return values
        }
        forward = try call.engine { try EngineBridge.forwardGradient(f, at: point) }
        reverse = try call.engine { try EngineBridge.gradient(f, at: point) }
        numeric = try call.engine { try EngineBridge.numericGradient(f, at: point, step: nil, scheme: .central) }
    }

    /// The exact methods' values for input `i`.
    private func exact(_ i: Int) -> [Double] {
        [symbolic?[i], forward[i], reverse[i]].compactMap { $0 }
    }

    /// Largest |exact − numeric| / |numeric| over the exact methods (0 when all are equal).
    func disagreement(_ i: Int) -> Double {
        exact(i).map { value in
            let difference = Swift.abs(value - numeric[i])
            if difference.isNaN { return Double.nan }
            if difference == 0 { return 0 }
            return difference / Swift.abs(numeric[i])
        }.reduce(0) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
    }

    /// Whether every exact method is within `atol + rtol·|numeric|` of central differences (nan fails).
    func agrees(_ i: Int) -> Bool {
        exact(i).allSatisfy { Swift.abs($0 - numeric[i]) <= atol + rtol * Swift.abs(numeric[i]) }
    }

    var passed: Bool { parameters.indices.allSatisfy(agrees) }

    var failingInputs: [String] { parameters.indices.filter { !agrees($0) }.map { parameters[$0] } }

    var summary: String {
        passed ? "all gradient methods agree" : "gradient methods disagree for \(failingInputs.joined(separator: ", "))"
    }

    var table: DisplayTable {
        let rows = parameters.indices.map { i -> [String] in
            [parameters[i], symbolic.map { NumberFormat.format($0[i]) } ?? "—", NumberFormat.format(forward[i]),
             NumberFormat.format(reverse[i]), NumberFormat.format(numeric[i]), Self.short(disagreement(i)), agrees(i) ? "✓" : "✗"]
        }
        return DisplayTable(kind: .gradient, columns: ["input", "symbolic", "forward", "reverse", "numeric", "max rel diff", "ok"],
                            rows: rows, verdicts: parameters.indices.map(agrees))
    }

    /// Three significant digits: relative differences are orders of magnitude, not exact values.
    static func short(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return NumberFormat.format(x) }
        let digits = 2 - Int(Swift.abs(x).log10Floor.rounded(.down))
        let scale = pow10(digits)
        return NumberFormat.format((x * scale).rounded() / scale)
    }

    private static func pow10(_ n: Int) -> Double { Double.power(10, Double(n)) }
}

private extension Double {
    var log10Floor: Double { Double.apply(.log, self) / Double.apply(.log, 10) }
}
