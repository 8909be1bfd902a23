import NBAutodiff
import Testing

private struct Polynomials: VectorFunction {
    let parameterNames = ["x", "y"]
    func evaluate<S: DifferentiableScalar>(_ a: [S]) throws -> [S] {
        [a[0] * a[1], a[0] + a[1], S.apply(.sin, a[0]), S(4)]
    }
}

private struct Failing: ScalarFunction {
    struct Boom: Error, Equatable {}
    let parameterNames = ["x"]
    func evaluate<S: DifferentiableScalar>(_ a: [S]) throws -> S { throw Boom() }
}

@Suite struct ReverseModeTests {
    @Test func gradientAndValueInOneSweep() throws {
        let f = try ParsedFunction("x y z", "x*y*z + x^2")
        let (value, g) = try valueAndGradient(of: f, at: [2, 3, 4])
        #expect(value == 28)
        let expected: [Double] = [16, 8, 6]
        #expect(g == expected)
    }

    @Test func jacobianHasOneRowPerOutput() throws {
        let j = try jacobian(of: Polynomials(), at: [2, 3])
        let expected: [[Double]] = [[3, 2], [1, 1], [Foundation.cos(2.0), 0], [0, 0]]
        #expect(j == expected)
    }

    @Test func tapesArePerCallAndIndependent() {
        let first = Tape<Double>(), second = Tape<Double>()
        let x = first.variable(3), y = second.variable(5)
        let fx = x * x + Tracked(1.0)   // interleaved recording on two tapes
        let gy = y * y * y
        let hx = fx * x
        #expect(first.gradient(of: hx, withRespectTo: [x]) == [28])
        #expect(second.gradient(of: gy, withRespectTo: [y]) == [75])
        #expect(first.entryCount == 5)   // sink, x, x*x, +1, *x (the constant is not recorded)
        #expect(second.entryCount == 4)
    }

    @Test func tapeGrowsPastItsInitialCapacity() {
        let tape = Tape<Double>(capacity: 16)
        let x = tape.variable(1.0001)
        var y = x
        for _ in 0..<10_000 { y = y * x }
        let g = tape.gradient(of: y, withRespectTo: [x])[0]
        #expect(Swift.abs(g - 10_001 * Foundation.pow(1.0001, 10_000)) < 1e-9 * g)
    }

    @Test func argumentErrorsAndRethrownFunctionErrors() throws {
        let f = try ParsedFunction("x y", "x*y")
        #expect(throws: AutodiffError.argumentCount(expected: 2, got: 1)) { try gradient(of: f, at: [1]) }
        #expect(throws: Failing.Boom()) { try gradient(of: Failing(), at: [1]) }
        #expect(throws: Failing.Boom()) { try hessian(of: Failing(), at: [1]) }
        #expect(throws: Failing.Boom()) { try numericGradient(of: Failing(), at: [1]) }
        #expect(throws: Failing.Boom()) { try gradcheck(of: Failing(), at: [1]) }
        #expect(throws: AutodiffError.invalidStep(0)) { try numericGradient(of: f, at: [1, 2], step: 0) }
    }

    @Test func hessianOfTheRosenbrockFunction() throws {
        let f = try ParsedFunction("x y", "(1 - x)^2 + 100*(y - x^2)^2")
        let expected: [[Double]] = [[802, -400], [-400, 200]]
        #expect(try hessian(of: f, at: [1, 1]) == expected)
        #expect(try hessian(of: f, at: [1, 1], method: .nestedDuals) == expected)
    }
}

import Foundation
