import Foundation
import Testing
import ComplexModule
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
            return t.elements
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
