/// The data behind `gradtable(f, at)`: one row per input, every method side by side.
public struct GradientTable: Sendable, Equatable {
    /// One input's derivative by every method.
    public struct Row: Sendable, Equatable {
        /// The parameter name.
        public var name: String
        /// ∂f/∂name from the symbolic derivative evaluated at the point; nil when the function
        /// has no single formula (a program whose branches depend on its inputs), in which case
        /// forward and reverse mode are compared without it.
        public var symbolic: Double?
        /// From forward mode (dual numbers).
        public var forward: Double
        /// From reverse mode (the tape).
        public var reverse: Double
        /// From central differences with the default step.
        public var numeric: Double
        /// The largest relative difference |a − b| / max(|a|, |b|) over all pairs of the four
        /// methods (0 when they are equal, nan when any is nan).
        public var largestRelativeDisagreement: Double
        /// True when symbolic (when there is one), forward and reverse are each within `atol + rtol·|numeric|` of
        /// the numeric value and nothing is nan. Shown as ✓ / ✗.
        public var agrees: Bool

        /// `✓` or `✗`.
        public var verdict: String { agrees ? "✓" : "✗" }
    }

    /// The point the table was computed at.
    public var point: [Double]
    /// The function value at the point.
    public var value: Double
    /// One row per parameter, in parameter order.
    public var rows: [Row]
    /// The relative tolerance used for the verdicts.
    public var rtol: Double
    /// The absolute tolerance used for the verdicts.
    public var atol: Double

    /// True when every row agrees (a ✗ fails the cell).
    public var allAgree: Bool { rows.allSatisfy(\.agrees) }

    /// Column titles for display.
    public static let columnTitles = ["input", "symbolic", "forward", "reverse", "numeric", "max rel. diff", ""]
}

/// Computes every derivative of `f` at `point` by all four methods and compares them
/// (defaults rtol 1e-6, atol 1e-9 against central differences).
public func gradientTable(
    of f: some ScalarFunction, at point: [Double], rtol: Double = 1e-6, atol: Double = 1e-9
) throws -> GradientTable {
    try checkArity(f.parameterCount, point.count)
    let forward = try forwardGradient(of: f, at: point)
    let (value, reverse) = try valueAndGradient(of: f, at: point)
    let numeric = try numericGradient(of: f, at: point, scheme: .central)
    // A function whose branches depend on its inputs has no single formula: forward and
    // reverse mode still follow the branch taken, so the table compares them without it.
    let symbolicGradient: [Double]? = try? SymbolicFunction(of: f).gradient().map { try $0.evaluate(point) as Double }
    let rows = f.parameterNames.indices.map { i -> GradientTable.Row in
        let exact = (symbolicGradient.map { [$0[i]] } ?? []) + [forward[i], reverse[i]]
        let all = exact + [numeric[i]]
        var disagreement = 0.0
        for a in all.indices {
            for b in all.indices where b > a {
                let d = relativeDifference(all[a], all[b])
                if d.isNaN { disagreement = .nan } else if !disagreement.isNaN { disagreement = Swift.max(disagreement, d) }
            }
        }
        let agrees = exact.allSatisfy { isClose($0, numeric[i], rtol: rtol, atol: atol) }
        return .init(name: f.parameterNames[i], symbolic: symbolicGradient?[i], forward: forward[i],
                     reverse: reverse[i], numeric: numeric[i],
                     largestRelativeDisagreement: disagreement, agrees: agrees)
    }
    return GradientTable(point: point, value: value, rows: rows, rtol: rtol, atol: atol)
}

/// True when symbolic, forward and reverse derivatives all agree with central differences
/// within `atol + rtol·|numeric|`; any nan is a failure.
public func gradcheck(
    of f: some ScalarFunction, at point: [Double], rtol: Double = 1e-6, atol: Double = 1e-9
) throws -> Bool {
    try gradientTable(of: f, at: point, rtol: rtol, atol: atol).allAgree
}

/// `|a − b| ≤ atol + rtol·|b|`, false when either is nan; equal infinities are close.
public func isClose(_ a: Double, _ b: Double, rtol: Double, atol: Double) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a == b { return true }
    return Swift.abs(a - b) <= atol + rtol * Swift.abs(b)
}

func relativeDifference(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    if a == b { return 0 }
    return Swift.abs(a - b) / Swift.max(Swift.abs(a), Swift.abs(b))
}
