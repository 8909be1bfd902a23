import NBDocument
import Testing
@testable import NBLanguage

/// `derivative` of programs that branch on the variable (SPEC §4): the symbolic interpretation of
/// `if` runs both branches and joins them into a piecewise formula, which is callable, agrees
/// with every other method on both sides of each boundary, nests and is typeset as cases.
@Suite struct PiecewiseDerivativeTests {
    let huber = "huber(x) = if abs(x) < 1 { 0.5*x^2 } else { abs(x) - 0.5 }"

    /// A cell that is `true` when `d = derivative(f)` agrees at every point of `points` with grad,
    /// jvp and (to `tolerance`) central differences.
    private func agreesEverywhere(_ definition: String, _ points: String, tolerance: String = "1e-6") -> String {
        """
        \(definition)
        d = derivative(f)
        agree(p) = d(p) == grad(f, p) && d(p) == jvp(f, [p], [1]) && abs(d(p) - numgrad(f, p)) < \(tolerance)
        ok = true
        for p in \(points) { ok = ok && agree(p) }
        ok
        """
    }

    @Test func huberHasAPiecewiseDerivative() {
        #expect(transcript("\(huber)\nderivative(huber)") == "huber'(x) = if abs(x) < 1 { x } else { sign(x) }")
        #expect(transcript("\(huber)\nd = derivative(huber)\n[d(0.5), d(2), d(-2), d(-0.25)]") == "[0.5, 1, -1, -0.25]")
        #expect(transcript("\(huber)\nderivative(huber)(0.5) == 0.5 && derivative(huber)(2) == 1") == "true")
        #expect(transcript("\(huber)\nderivative(derivative(huber))") == "huber''(x) = if abs(x) < 1 { 1 } else { 0 }")
    }

    @Test func itAgreesWithEveryMethodOnBothSidesOfEachBoundary() {
        #expect(transcript(agreesEverywhere("f(x) = if abs(x) < 1 { 0.5*x^2 } else { abs(x) - 0.5 }",
                                            "[-2, -1.001, -0.999, -0.5, 0.5, 0.999, 1.001, 2]")) == "true")
        #expect(transcript(agreesEverywhere("f(x) = if x < -1 { -x^2 } else if x < 1 { x^3 } else { exp(x) }",
                                            "[-1.5, -1.001, -0.999, 0.3, 0.999, 1.001, 1.5]", tolerance: "1e-5")) == "true")
        #expect(transcript(agreesEverywhere("f(x) = if x > 0 && x < 2 || x == 5 { sin(x) } else { x / 3 }",
                                            "[-1, 0.001, 1.999, 2.001, 7]")) == "true")
        #expect(transcript(agreesEverywhere("f(x) = if !(x >= 0) { x^2 } else { if x <= 1 { x } else { 2*x - 1 } }",
                                            "[-0.5, -0.001, 0.001, 0.999, 1.001, 3]")) == "true")
    }

    @Test func elseIfChainsAndBlockBranchesNest() {
        #expect(transcript("h(x) = if x < -1 { -x } else if x < 1 { x^3 } else { { y = x^2; y + 1 } }\nderivative(h)\nderivative(derivative(h))")
                == "h'(x) = if x < -1 { -1 } else if x < 1 { 3*x^2 } else { 2*x }\nh''(x) = if x < -1 { 0 } else if x < 1 { 6*x } else { 2 }")
        #expect(transcript("n(x) = if x > 0 { if x > 1 { x^2 } else { x } } else { 0 }\nderivative(n)")
                == "n'(x) = if x > 0 { if x > 1 { 2*x } else { 1 } } else { 0 }")
        // Inside a branch its condition is known, so an if on the same condition takes one branch.
        #expect(transcript("fib(x, n) = if n < 2 { x } else { if x > 0 { fib(x, n-1) + fib(x, n-2) } else { x } }\nderivative(x -> fib(x, 4))")
                == "x -> if x > 0 { 5 } else { 1 }")
    }

    @Test func aLocalAssignedInBothBranchesIsPiecewiseAfterwards() {
        #expect(transcript("g(x) = { y = 0; if x > 0 { y = x^2 } else { y = -x }; y + 1 }\nderivative(g)\ng2 = derivative(g)\n[g2(3), g2(-3)]")
                == "g'(x) = if x > 0 { 2*x } else { -1 }\n[6, -1]")
        // Assigned in one branch only: the other keeps the value from before.
        #expect(transcript("f(x) = { t = [x, 2*x]; if x > 0 { t = [1, 2] }; sum(t) }\nderivative(f)")
                == "f'(x) = (if x > 0 { 0 } else { 1 }) + (if x > 0 { 0 } else { 2 })")
        // A condition kept in a local, and recursion bounded by another argument, unfold.
        #expect(transcript("f(x) = { c = x > 0; if c { 1 } else { x } }\nderivative(f)") == "f'(x) = if x > 0 { 0 } else { 1 }")
        #expect(transcript("p(x, n) = if n == 0 { 1 } else { x * p(x, n - 1) }\nderivative(x -> p(x, 3))") == "x -> 3*x^2")
    }

    @Test func piecewiseFunctionsWorkInsideOtherFunctionsAndTables() {
        #expect(transcript("\(huber)\nq(x) = 2 * huber(x) + 1\nderivative(q)") == "q'(x) = 2*(if abs(x) < 1 { x } else { sign(x) })")
        #expect(transcript("\(huber)\nr(x) = derivative(huber)(x) * x\nrr = derivative(r)\n[rr(0.5), rr(3)]") == "[1, 1]")
        #expect(transcript("\(huber)\ngradtable(huber, [2])") == """
            input  symbolic  forward  reverse  numeric  max rel. diff
            -----  --------  -------  -------  -------  -------------  -
            x      1         1        1        1        0              ✓
            """)
        #expect(transcript("\(huber)\ngradcheck(huber, [0.5]) && gradcheck(huber, [-3])") == "true")
    }

    @Test func theFormulaIsTypesetAsCases() {
        let outcome = run("\(huber)\nderivative(huber)")[0]
        guard case .formula(_, let tex) = outcome.items.first else {
            Issue.record("no formula: \(outcome.items)")
            return
        }
        #expect(tex == "\\mathit{huber}'(x) = \\begin{cases} x & \\text{if } |x| < 1 \\\\ \\operatorname{sign}(x) & \\text{otherwise} \\end{cases}")
    }

    @Test func whatItCannotExpressIsNamedAtItsPosition() {
        func failure(_ cell: String) -> (String?, TextLocation?) {
            let error = run(cell)[0].error
            return (error?.message, error?.location)
        }
        let loop = failure("f(x) = { s = 0; for i in 1...x { s = s + i }; s }\nderivative(f)")
        #expect(loop.0 == "a range (a loop's number of steps) that depends on the variable has no symbolic form")
        #expect(loop.1 == TextLocation(line: 1, column: 26))
        let recursion = failure("f(x) = if x < 1 { x } else { f(x - 1) }\nderivative(f)")
        #expect(recursion.0?.hasPrefix("derivative cannot unfold recursion on the variable") == true)
        #expect(recursion.1 == TextLocation(line: 1, column: 8))
        let strings = failure("f(x) = { s = if x > 0 { \"a\" } else { \"b\" }; x }\nderivative(f)")
        #expect(strings.0 == "derivative cannot join the branches of this if: its value is a different string in each branch")
        #expect(strings.1 == TextLocation(line: 1, column: 14))
        let kinds = failure("pair(x) = if x > 0 { [x, x] } else { x }\nderivative(pair)")
        #expect(kinds.0 == "derivative cannot join the branches of this if: its value is a tensor of shape (2,) in one and a number in the other")
        #expect(kinds.1 == TextLocation(line: 1, column: 11))
        let local = failure("f(x) = { if x > 0 { s = \"a\" } else { s = 1 }; x }\nderivative(f)")
        #expect(local.0 == "derivative cannot join the branches of this if: a local is a string in one and a number in the other")
        let index = failure("f(x) = [1, 2, 3][x]\nderivative(f)")
        #expect(index.0 == "an index that depends on the variable has no symbolic form")
        #expect(index.1 == TextLocation(line: 1, column: 18))
        let tensor = failure("f(x) = if [x, 1] > 0 { x } else { 1 }\nderivative(f)")
        #expect(tensor.0 == "'>' on a tensor that depends on the variable has no symbolic form")
        #expect(failure("f(x) = (x > 0) * x\nderivative(f)").0 == "'*' cannot combine a boolean and a number")
    }

    @Test func otherInterpretationsStillFollowTheBranchTaken() {
        // The symbolic path must not change what grad, jvp and plain calls do.
        #expect(transcript("\(huber)\n[huber(0.5), huber(3), grad(huber, 0.5), grad(huber, -3), jvp(huber, [3], [1])]") == "[0.125, 2.5, 0.5, -1, 1]")
        #expect(transcript("s(x) = if x > 0 && x < 2 { 1 } else { 0 }\n[s(1), s(3), s(-1)]") == "[1, 0, 0]")
    }
}
