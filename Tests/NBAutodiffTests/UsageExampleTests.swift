import NBAutodiff
import Testing

// The README usage example, kept compiling and correct.

/// f(x, y) = x·y + sin(x), written once, generic over the scalar.
struct F: ScalarFunction {
    let parameterNames = ["x", "y"]
    func evaluate<S: DifferentiableScalar>(_ a: [S]) throws -> S {
        let (x, y) = (a[0], a[1])
        return x * y + S.apply(.sin, x)
    }
}

@Test func usageExample() throws {
    let at = [1.0, 2.0]
    // Numeric: central differences, forward differences, complex step.
    let central = try numericGradient(of: F(), at: at)                           // ≈ [2.5403, 1]
    let complex = try numericGradient(of: F(), at: at, scheme: .complexStep)     // exact to rounding
    // Symbolic: the body evaluated on SymbolicExpression, differentiated and simplified.
    let f = try SymbolicFunction(of: F(), name: "f")
    let fx = try f.derivative(withRespectTo: "x")
    #expect(fx.description == "∂f/∂x(x, y) = y + cos(x)")
    #expect(fx.expression.latex == "y + \\cos(x)")
    #expect(fx.latex == "\\frac{\\partial f}{\\partial x}(x, y) = y + \\cos(x)")
    // Forward mode: dual numbers, one sweep per direction.
    let dx = try jvp(of: F(), at: at, direction: [1, 0])                         // 2 + cos 1
    // Reverse mode: one tape, one backward sweep for the whole gradient.
    let (value, g) = try valueAndGradient(of: F(), at: at)
    let h = try hessian(of: F(), at: at)                                         // [[-sin 1, 1], [1, 0]]
    // All of them side by side.
    let table = try gradientTable(of: F(), at: at)
    #expect(table.allAgree && table.rows.map(\.verdict) == ["✓", "✓"])
    #expect(value == 2 + Foundation.sin(1.0))
    #expect(g == [2 + Foundation.cos(1.0), 1] && dx == g[0])
    #expect(agrees(complex, g, relative: 1e-15))
    #expect(agrees(central, g, relative: 1e-9))
    #expect(h == [[-Foundation.sin(1.0), 1], [1, 0]])
    #expect(Dual<Double>(6, tangent: 2).description == "6 + 2ε")
}

import Foundation
