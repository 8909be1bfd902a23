import NBAutodiff
import Testing

/// Documented choices at kinks, and IEEE nan/inf propagation, for every method.
@Suite struct KinkAndIEEETests {
    /// ∂f/∂x by reverse, forward, symbolic and complex step.
    private func allMethods(_ f: ParsedFunction, _ x: [Double]) throws -> [[Double]] {
        [try gradient(of: f, at: x),
         try forwardGradient(of: f, at: x),
         try SymbolicFunction(of: f).gradient().map { try $0.evaluate(x) as Double },
         try numericGradient(of: f, at: x, scheme: .complexStep)]
    }

    @Test func reluAndAbsHaveDerivativeZeroAtZero() throws {
        for source in ["relu(x)", "abs(x)"] {
            for g in try allMethods(ParsedFunction("x", source), [0]) { #expect(g == [0], "\(source)") }
        }
        for g in try allMethods(ParsedFunction("x", "relu(x)"), [2]) { #expect(g == [1]) }
        for g in try allMethods(ParsedFunction("x", "abs(x)"), [-2]) { #expect(g == [-1]) }
    }

    @Test func maxAndMinTiesFollowTheLeftOperand() throws {
        for source in ["max(x, y)", "min(x, y)"] {
            for g in try allMethods(ParsedFunction("x y", source), [1, 1]) { #expect(g == [1, 0], "\(source)") }
        }
        for g in try allMethods(ParsedFunction("x y", "max(y, x)"), [1, 1]) { #expect(g == [0, 1]) }
        for g in try allMethods(ParsedFunction("x y", "max(x, y)"), [1, 2]) { #expect(g == [0, 1]) }
        for g in try allMethods(ParsedFunction("x y", "min(x, y)"), [1, 2]) { #expect(g == [1, 0]) }
    }

    @Test func constantExponentAtZeroIsFinite() throws {
        let f = try ParsedFunction("x", "x^2")
        for g in try allMethods(f, [0]) { #expect(g == [0]) }
        #expect(try hessian(of: f, at: [0]) == [[2]])
        #expect(try hessian(of: f, at: [0], method: .nestedDuals) == [[2]])
        #expect(try gradient(of: ParsedFunction("x", "x^3"), at: [-2]) == [12])
    }

    @Test func nanAndInfinityPropagate() throws {
        let log = try ParsedFunction("x", "log(x)")
        #expect(try valueAndGradient(of: log, at: [-1]).value.isNaN)
        #expect(try gradient(of: log, at: [0]) == [Double.infinity])
        let reciprocal = try ParsedFunction("x", "1/x")
        #expect(try valueAndGradient(of: reciprocal, at: [0]).value == .infinity)
        #expect(try gradient(of: reciprocal, at: [0]) == [-Double.infinity])
        #expect(try forwardGradient(of: reciprocal, at: [0]) == [-Double.infinity])
        #expect(try gradient(of: ParsedFunction("x", "sqrt(x)"), at: [0]) == [Double.infinity])
        for g in try allMethods(ParsedFunction("x", "x*x + max(x, 1) + relu(x)"), [.nan]) { #expect(g[0].isNaN) }
        #expect(Double.maximumPropagatingNaN(.nan, 1).isNaN && Double.minimumPropagatingNaN(1, .nan).isNaN)
        // Importing the engine leaves the standard library's meaning alone (IEEE maximumNumber).
        #expect(Double.maximum(1, .nan) == 1 && Double.minimum(.nan, 2) == 2)
        #expect(Double.apply(.relu, .nan).isNaN)
    }

    @Test func nanCountsAsAGradcheckFailure() throws {
        let log = try ParsedFunction("x", "log(x)")
        #expect(try gradcheck(of: log, at: [2]))
        #expect(try !gradcheck(of: log, at: [-1]))   // the numeric difference is nan
        let table = try gradientTable(of: log, at: [-1])
        #expect(table.rows[0].largestRelativeDisagreement.isNaN)
        #expect(table.rows[0].verdict == "✗")
        #expect(try !gradcheck(of: ParsedFunction("x", "sqrt(x)"), at: [0]))
    }
}
