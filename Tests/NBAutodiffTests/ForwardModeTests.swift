import NBAutodiff
import Testing

@Suite struct ForwardModeTests {
    @Test func dualArithmeticFollowsTheSeedRules() {
        let a = Dual<Double>(3, tangent: 1), b = Dual<Double>(2, tangent: 5)
        #expect(a + b == Dual(5, tangent: 6))                    // sum
        #expect(a * b == Dual(6, tangent: 1 * 2 + 3 * 5))        // product rule
        #expect(-a == Dual(-3, tangent: -1))                     // negation
        #expect(Dual(1.0) / Dual(2, tangent: 1) == Dual(0.5, tangent: -0.25)) // 1/x − ẋ/x²
        #expect(a / b == Dual(1.5, tangent: (1 - 1.5 * 5) / 2))
    }

    @Test func elementaryFunctionsLiftAsValuePlusDerivativeTimesTangent() {
        let x = Dual<Double>(0.5, tangent: 2)
        for f in ElementaryFunction.allCases {
            let lifted = Dual<Double>.apply(f, x)
            let value = Double.apply(f, 0.5)
            let h = 1e-6
            let slope = (Double.apply(f, 0.5 + h) - Double.apply(f, 0.5 - h)) / (2 * h)
            #expect(lifted.value == value, "\(f)")
            #expect(Swift.abs(lifted.tangent - 2 * slope) < 1e-8, "\(f)")
        }
    }

    @Test func textForm() {
        #expect(Dual<Double>(6, tangent: 2).description == "6 + 2ε")
        #expect(Dual<Double>(6, tangent: -2).description == "6 - 2ε")
        #expect(Dual<Double>(0.5, tangent: 1.0 / 3).description == "0.5 + 0.3333333333ε")
        let x = Dual<Double>.variable(3)
        #expect((x * x - Dual(3.0)).description == "6 + 6ε")
    }

    @Test func noPerturbationConfusion() {
        // d/dx [x · d/dy (x + y)] = 1 (a confused implementation gives 2).
        for x0 in [1.0, -2.5, 7.0] {
            let result = derivative(at: x0) { (x: Dual<Double>) -> Dual<Double> in
                let inner = derivative(at: Dual<Double>(0.0)) { (y: Dual<Dual<Double>>) in
                    Dual.constant(x) + y
                }
                return x * inner
            }
            #expect(result == 1)
        }
        // d/dx [x · d/dy (x·y)] = d/dx x² = 2x.
        let result = derivative(at: 3.0) { (x: Dual<Double>) -> Dual<Double> in
            x * derivative(at: Dual<Double>(5.0)) { (y: Dual<Dual<Double>>) in Dual.constant(x) * y }
        }
        #expect(result == 6)
    }

    @Test func jvpIsTheDirectionalDerivative() throws {
        let g = try ParsedFunction("x y", "x*y + sin(x)")
        let x = [1.0, 2.0]
        #expect(try jvp(of: g, at: x, direction: [1, 0]) == 2 + Foundation.cos(1.0))
        #expect(try jvp(of: g, at: x, direction: [0, 1]) == 1)
        let both = try valueAndJVP(of: g, at: x, direction: [2, -1])
        #expect(both.value == 2 + Foundation.sin(1.0))
        #expect(Swift.abs(both.derivative - (2 * (2 + Foundation.cos(1.0)) - 1)) < 1e-15)
        #expect(throws: AutodiffError.directionCount(expected: 2, got: 1)) {
            try jvp(of: g, at: x, direction: [1])
        }
    }
}

import Foundation
