import NBDocument
import Foundation
import Testing
import NBAutodiff
@testable import NBLanguage

/// One AST, every interpretation: a user function that calls user functions must give the same
/// value and derivatives on Double, Dual, the reverse tape and the complex step.
@Suite struct InterpretationTests {
    /// q(x, y) = f(x)·g(x, y) with f(x) = x³ + 2x and g(x, y) = x·y + sin(x), written across cells,
    /// g calling a lambda bound to a global and q calling both.
    static func session() -> Session {
        let session = Session()
        _ = session.run(cell: "f(x) = x^3 + 2*x\nsq = t -> t*t")
        _ = session.run(cell: "c = 1\ng(x, y) = x*y*c + sin(x) + 0*sq(y)")
        _ = session.run(cell: "q(x, y) = f(x) * g(x, y)")
        return session
    }

    // Closed forms at (x, y).
    static func q(_ x: Double, _ y: Double) -> Double { (x * x * x + 2 * x) * (x * y + sin(x)) }
    static func qx(_ x: Double, _ y: Double) -> Double { (3 * x * x + 2) * (x * y + sin(x)) + (x * x * x + 2 * x) * (y + cos(x)) }
    static func qy(_ x: Double, _ y: Double) -> Double { (x * x * x + 2 * x) * x }

    @Test(arguments: [(1.0, 2.0), (-0.5, 3.25), (2.0, -1.0)])
    func everyInterpretationAgrees(x: Double, y: Double) throws {
        let q = try #require(Self.session().scalarFunction(named: "q"))
        // Double
        let value: Double = try q.evaluate([x, y])
        #expect(Swift.abs(value - Self.q(x, y)) <= 1e-12 * Swift.abs(Self.q(x, y)))
        // Dual (forward mode)
        let dual: Dual<Double> = try q.evaluate([Dual(x, tangent: 1), Dual(y, tangent: 0)])
        #expect(Swift.abs(dual.value - Self.q(x, y)) <= 1e-12 * Swift.abs(Self.q(x, y)))
        #expect(Swift.abs(dual.tangent - Self.qx(x, y)) <= 1e-12 * Swift.abs(Self.qx(x, y)))
        // Reverse tape
        let reverse = try gradient(of: q, at: [x, y])
        #expect(Swift.abs(reverse[0] - Self.qx(x, y)) <= 1e-12 * Swift.abs(Self.qx(x, y)))
        #expect(Swift.abs(reverse[1] - Self.qy(x, y)) <= 1e-12 * Swift.abs(Self.qy(x, y)))
        // Complex step
        let complex = try numericGradient(of: q, at: [x, y], scheme: .complexStep)
        #expect(Swift.abs(complex[0] - Self.qx(x, y)) <= 1e-12 * Swift.abs(Self.qx(x, y)))
        #expect(Swift.abs(complex[1] - Self.qy(x, y)) <= 1e-12 * Swift.abs(Self.qy(x, y)))
    }

    @Test func builtinsAgreeWithClosedForms() throws {
        let session = Self.session()
        func number(_ cell: String) throws -> Double {
            let outcome = session.run(cell: "result = \(cell)")
            if let error = outcome.error { Issue.record("\(cell): \(error.message)") }
            guard case .number(let x)? = session.value(of: "result") else { throw CancellationError() }
            return x
        }
        func vector(_ cell: String) throws -> [Double] {
            let outcome = session.run(cell: "result = \(cell)")
            if let error = outcome.error { Issue.record("\(cell): \(error.message)") }
            guard case .tensor(let t)? = session.value(of: "result") else { throw CancellationError() }
            return t.scalars
        }
        let (x, y) = (1.0, 2.0)
        let g = try vector("grad(q, [1, 2])")
        #expect(Swift.abs(g[0] - Self.qx(x, y)) < 1e-12 && Swift.abs(g[1] - Self.qy(x, y)) < 1e-12)
        #expect(Swift.abs(try number("jvp(q, [1, 2], [1, 1])") - (Self.qx(x, y) + Self.qy(x, y))) < 1e-12)
        let central = try vector("numgrad(q, [1, 2])")
        #expect(Swift.abs(central[0] - Self.qx(x, y)) < 1e-8)
        let forward = try vector("numgrad(q, [1, 2], h: 1e-7, scheme: \"forward\")")
        #expect(Swift.abs(forward[0] - Self.qx(x, y)) < 1e-5)
        #expect(Swift.abs(forward[0] - Self.qx(x, y)) > 0) // forward differences are not exact
        #expect(try number("grad(f, 2)") == 14)
        #expect(try number("grad(sin, 0)") == 1)
        // Hessian of g(x, y) = x y + sin x: [[-sin x, 1], [1, 0]].
        let h = try vector("hessian(g, [1, 2])")
        #expect(Swift.abs(h[0] + sin(1)) < 1e-12 && h[1] == 1 && h[2] == 1 && h[3] == 0)
        // Jacobian of v(x, y) = [x y, x + y, sin(x)]: [[y, x], [1, 1], [cos x, 0]].
        _ = session.run(cell: "v(x, y) = [x*y, x + y, sin(x)]")
        let j = try vector("jacobian(v, [1, 2])")
        #expect(j.count == 6 && j[0] == 2 && j[1] == 1 && j[2] == 1 && j[3] == 1 && Swift.abs(j[4] - cos(1)) < 1e-15 && j[5] == 0)
        // A lambda defined inline, capturing a global as a constant.
        _ = session.run(cell: "a = 3")
        #expect(try number("grad(x -> a*x^2, 2)") == 12)
    }
}

/// `grad(f, at)` where f takes one tensor: the engine sees a function of the elements.
@Suite struct TensorArgumentTests {
    @Test func leastSquaresGradientMatchesTheClosedForm() throws {
        // loss(w) = Σ (X w − y)², ∇ = 2 Xᵀ (X w − y).
        let X: [[Double]] = [[1, 2], [3, 4], [5, 7]], y: [Double] = [1, -1, 2], w: [Double] = [0.5, -0.25]
        let residual = X.indices.map { i in X[i][0] * w[0] + X[i][1] * w[1] - y[i] }
        let expected = (0..<2).map { j in 2 * X.indices.reduce(0) { $0 + X[$1][j] * residual[$1] } }
        let outcome = run("""
        X = [[1, 2], [3, 4], [5, 7]]
        y = [1, -1, 2]
        loss(w) = sum((X @ w - y)^2)
        grad(loss, [0.5, -0.25])
        close(grad(loss, [0.5, -0.25]), numgrad(loss, [0.5, -0.25]), rtol: 1e-8)
        gradcheck(loss, [0.5, -0.25])
        """)[0]
        #expect(outcome.error == nil)
        #expect(outcome.items.dropFirst().map(\.transcript) == ["true", "true"])
        guard case .value(let text) = outcome.items[0] else { Issue.record("gradient"); return }
        let numbers = text.dropFirst().dropLast().split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(numbers.count == 2)
        for (a, b) in zip(numbers, expected) { #expect(Swift.abs(a - b) <= 1e-9 * Swift.abs(b)) }
    }

    @Test func shapesIndexingAndSecondDerivatives() {
        #expect(transcript("grad(w -> sum(w^2), [1, 2, 3])") == "[2, 4, 6]")
        #expect(transcript("grad(W -> sum(W @ [1, 2]), [[1, 2], [3, 4]])") == "[[1, 2], [1, 2]]")
        #expect(transcript("grad(w -> w[0]*w[1] + mean(exp(0*w)), [2, 3])") == "[3, 2]")
        #expect(transcript("hessian(w -> sum(w^2), [1, 2])") == "[[2, 0], [0, 2]]")
        #expect(transcript("jvp(w -> sum(w^2), [1, 2], [1, 1])") == "6")
        #expect(transcript("grad(x -> x^2, [3])") == "[6]")
    }

    @Test func gradtableNamesTensorElements() throws {
        let outcome = run("gradtable(W -> sum(W^3), [[1, 2], [3, 4]])")[0]
        #expect(outcome.error == nil)
        guard case .table(let table) = try #require(outcome.items.first) else { Issue.record("table"); return }
        #expect(table.rows.map { $0[0] } == ["W[0, 0]", "W[0, 1]", "W[1, 0]", "W[1, 1]"])
        #expect(table.rows.map { $0[3] } == ["3", "12", "27", "48"])
    }

    @Test func mistakesInTensorFunctionsAreExplained() {
        #expect(errorMessage("grad(w -> w, [1, 2])") == "lambda must return a number here, got a tensor of shape (2,)")
        #expect(errorMessage("grad(w -> sum(w + [1, 2, 3]), [1, 2])") == "shapes (2,) and (3,) cannot be broadcast together")
        // An index computed from the parameters follows its primal value, as every branch does.
        #expect(run("grad(w -> w[w[0]], [0, 1])")[0].items.first?.transcript == "[1, 0]")
    }

    /// A branch that returns a tensor where a differentiated function must return a number is
    /// named at the branch (line 1 here), with the call that differentiates it (line 3); the
    /// other branch, a number, differentiates.
    @Test(arguments: ["grad(f, [1])", "jvp(f, [1], [1])", "grad(f, [[1, 2]])", "hessian(f, [1])"])
    func aTensorFromOneBranchIsReportedAtTheBranch(_ call: String) throws {
        let outcomes = run("f(x) = if sum(x) > 0 {\n  [x, x]\n} else { sum(x) }", "f(-1)\n" + call)
        let error = try #require(outcomes[1].error)
        #expect(error.location == TextLocation(line: 1, column: 22))
        #expect(error.message.hasPrefix("f returns a tensor of shape"))
        #expect(error.message.hasSuffix("from this branch, where differentiating it needs a number"))
        #expect(error.hint?.hasPrefix("differentiated at 2:1; make every branch of the if return a number") == true)
        #expect(transcript("f(x) = if x > 0 { [x, x] } else { x }\ngrad(f, [-1])") == "[1]")
    }

    /// Without an `if` in tail position the error stays at the call, whatever `if` ran inside.
    @Test func aTensorNotFromABranchIsReportedAtTheCall() {
        let outcome = run("g(x) = { y = if x > 0 { x } else { -x }; [y, y] }\ngrad(g, [1])")[0]
        #expect(outcome.error?.message == "g must return a number here, got a tensor of shape (2,)")
        #expect(outcome.error?.location == TextLocation(line: 2, column: 1))
    }
}
