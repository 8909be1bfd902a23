import NBAutodiff
import Testing

/// A deliberately wrong "custom derivative": correct on numbers, wrong on every derivative
/// carrier except complex numbers — the gradient table must catch it.
private struct WrongOnTapes: ScalarFunction {
    let parameterNames = ["x", "y"]
    func evaluate<S: DifferentiableScalar>(_ a: [S]) throws -> S {
        if S.self == Tracked<Double>.self { return a[0] * a[0] * S(1.5) + a[1] }
        return a[0] * a[0] + a[1]
    }
}

@Suite struct GradientTableTests {
    @Test func agreeingMethodsGiveTicks() throws {
        let g = try ParsedFunction("x y", "x*y + sin(x)")
        let table = try gradientTable(of: g, at: [1, 2])
        #expect(table.rows.map(\.name) == ["x", "y"])
        #expect(table.rows.map(\.verdict) == ["✓", "✓"])
        #expect(table.value == 2 + Foundation.sin(1.0))
        #expect(table.rows[1].reverse == 1 && table.rows[1].forward == 1 && table.rows[1].symbolic == 1)
        #expect(table.rows[0].largestRelativeDisagreement < 1e-9)
        #expect(table.allAgree && table.rtol == 1e-6 && table.atol == 1e-9)
        #expect(try gradcheck(of: g, at: [1, 2]))
    }

    @Test func aWrongDerivativeGivesACross() throws {
        let table = try gradientTable(of: WrongOnTapes(), at: [2, 1])
        #expect(table.rows[0].verdict == "✗")
        #expect(table.rows[1].verdict == "✓")
        #expect(Swift.abs(table.rows[0].largestRelativeDisagreement - 2.0 / 6.0) < 1e-9)
        #expect(try !gradcheck(of: WrongOnTapes(), at: [2, 1]))
    }

    @Test func tolerancesAreHonoured() throws {
        // Central differences of exp at 10 carry ~1e-6 absolute error; a tiny rtol rejects them.
        let f = try ParsedFunction("x", "exp(x)")
        #expect(try gradcheck(of: f, at: [10]))
        #expect(try !gradcheck(of: f, at: [10], rtol: 1e-15, atol: 0))
    }
}

import Foundation
