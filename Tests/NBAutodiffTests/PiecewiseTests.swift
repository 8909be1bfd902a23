import Foundation
import NBAutodiff
import Testing

/// Piecewise expressions (`if` turned into a formula by the symbolic interpretation): their
/// simplifier, derivative, evaluation on every number type, text, LaTeX and stored form.
@Suite struct PiecewiseTests {
    private let x = SymbolicExpression.variable("x")

    private func less(_ a: SymbolicExpression, _ b: Double) -> SymbolicCondition {
        .comparison(.less, a, .constant(b))
    }

    /// huber(x) = if |x| < 1 { x²/2 } else { |x| − 1/2 }.
    private var huber: SymbolicFunction {
        get throws {
            let absX = SymbolicExpression.apply(.abs, x)
            let body = SymbolicExpression.piecewise(less(absX, 1), SymbolicExpression(0.5) * x * x, absX - SymbolicExpression(0.5))
            return try SymbolicFunction(name: "huber", parameterNames: ["x"], expression: body)
        }
    }

    @Test func theDerivativeIsPiecewiseBranchByBranch() throws {
        let d = try huber.derivative()
        #expect(d.description == "huber'(x) = if abs(x) < 1 { x } else { sign(x) }")
        #expect(try d.derivative().description == "huber''(x) = if abs(x) < 1 { 1 } else { 0 }")
        for (point, exact) in [(0.5, 0.5), (-0.25, -0.25), (2.0, 1.0), (-3.0, -1.0), (0.999, 0.999), (1.001, 1.0)] {
            #expect(try d.evaluate([point]) == exact)
        }
    }

    @Test func everyMethodAgreesWithCentralDifferencesOnBothSidesOfTheBoundary() throws {
        let f = try huber
        let d = try f.derivative()
        for point in [-1.5, -1.001, -0.999, -0.3, 0.3, 0.999, 1.001, 1.5] {
            let symbolic: Double = try d.evaluate([point])
            let reverse = try valueAndGradient(of: f, at: [point]).gradient[0]
            let forward = try jvp(of: f, at: [point], direction: [1.0])
            let central = try numericGradient(of: f, at: [point], step: 1e-6)[0]
            #expect(abs(symbolic - reverse) < 1e-12 && abs(symbolic - forward) < 1e-12)
            #expect(abs(symbolic - central) < 1e-6, "at \(point): \(symbolic) vs \(central)")
        }
        // The complex step goes through the branch of the real part.
        let complex = try numericGradient(of: f, at: [0.5], scheme: .complexStep)[0]
        #expect(abs(complex - 0.5) < 1e-12)
    }

    @Test func onlyTheSelectedBranchRuns() throws {
        // if x > 0 { sqrt(x) } else { 0 }: at 0 the sqrt branch would put 1/(2·0) = inf on the tape,
        // and 0·inf = nan into the gradient if it ran.
        let body = SymbolicExpression.piecewise(.comparison(.greater, x, .constant(0)), SymbolicExpression.apply(.sqrt, x), .constant(0))
        let f = try SymbolicFunction(parameterNames: ["x"], expression: body)
        #expect(try valueAndGradient(of: f, at: [0.0]).gradient == [0])
        #expect(try valueAndGradient(of: f, at: [-4.0]).gradient == [0])
        #expect(try valueAndGradient(of: f, at: [4.0]).gradient == [0.25])
    }

    @Test func theSimplifierDecidesWhatItCan() {
        let c = less(x, 1)
        #expect(SymbolicExpression.piecewise(c, x, x).description == "x")
        #expect(SymbolicExpression.piecewise(.comparison(.less, .constant(0), .constant(1)), x, .constant(2)).description == "x")
        #expect(SymbolicExpression.piecewise(!c, x, .constant(2)).description == "if x < 1 { 2 } else { x }")
        let nested = SymbolicExpression.piecewise(c, SymbolicExpression.piecewise(c, x, .constant(3)), .constant(2))
        #expect(nested.description == "if x < 1 { x } else { 2 }")
        #expect((SymbolicCondition(true) && c) == c)
        #expect((SymbolicCondition(false) && c).truthValue == false)
        #expect((c || c) == c)
        #expect((!(!c)) == c)
        #expect(SymbolicCondition.comparison(.greaterEqual, .constant(2), .constant(2)).truthValue == true)
    }

    @Test func textAndLaTeXForms() throws {
        let y = SymbolicExpression.variable("y")
        let both = SymbolicCondition.comparison(.greater, x, .constant(0)) && SymbolicCondition.comparison(.notEqual, y, .constant(1))
        let either = both || !SymbolicCondition.comparison(.lessEqual, x, y)
        #expect(either.description == "x > 0 && y != 1 || !(x <= y)")
        #expect(either.latex == "x > 0 \\text{ and } y \\ne 1 \\text{ or } \\neg (x \\le y)")
        let chain = SymbolicExpression.piecewise(less(x, -1), -x,
                                                 .piecewise(less(x, 1), SymbolicExpression.power(x, .constant(3)), SymbolicExpression(2) * x))
        #expect(chain.description == "if x < -1 { -x } else if x < 1 { x^3 } else { 2*x }")
        #expect(chain.latex == "\\begin{cases} -x & \\text{if } x < -1 \\\\ x^{3} & \\text{if } x < 1 \\\\ 2 x & \\text{otherwise} \\end{cases}")
        // As an operand it is parenthesised (grown brackets around cases).
        let scaled = SymbolicExpression(3) * SymbolicExpression.piecewise(less(x, 0), x, .constant(1))
        #expect(scaled.description == "3*(if x < 0 { x } else { 1 })")
        #expect(scaled.latex == "3 \\left(\\begin{cases} x & \\text{if } x < 0 \\\\ 1 & \\text{otherwise} \\end{cases}\\right)")
        #expect(try huber.derivative().latex
                == "\\mathit{huber}'(x) = \\begin{cases} x & \\text{if } |x| < 1 \\\\ \\operatorname{sign}(x) & \\text{otherwise} \\end{cases}")
    }

    @Test func storedFormRoundTrips() throws {
        let y = SymbolicExpression.variable("y")
        let condition = (SymbolicCondition.comparison(.greaterEqual, x, y) || !SymbolicCondition.comparison(.equal, x, .constant(2)))
            && SymbolicCondition.comparison(.notEqual, y, .constant(0))
        let body = SymbolicExpression.piecewise(condition, x * y, .piecewise(.comparison(.lessEqual, y, .constant(1)), y, .constant(4)))
        let f = try SymbolicFunction(name: "p", parameterNames: ["x", "y"], expression: body)
        let data = try JSONEncoder().encode(f)
        let back = try JSONDecoder().decode(SymbolicFunction.self, from: data)
        #expect(back.description == f.description)
        #expect(back.latex == f.latex)
        for point in [[3.0, 2.0], [1.0, 2.0], [2.0, 3.0], [2.0, 0.0], [2.0, 0.5]] {
            #expect(try back.evaluate(point) as Double == f.evaluate(point) as Double)
        }
        #expect(try back.derivative(withRespectTo: "x").description == f.derivative(withRespectTo: "x").description)
    }

    @Test func aPiecewiseFunctionOnSymbolsStaysPiecewise() throws {
        // Calling the derivative on a symbol (a symbolic function used inside another) substitutes.
        let d = try huber.derivative()
        let twice: SymbolicExpression = try d.evaluate([SymbolicExpression(2) * x])
        #expect(twice.description == "if abs(2*x) < 1 { 2*x } else { sign(2*x) }")
        let atThree: SymbolicExpression = try d.evaluate([SymbolicExpression(3)])
        #expect(atThree.description == "1")
    }
}
