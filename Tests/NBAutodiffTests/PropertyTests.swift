import NBAutodiff
import PropertyBased
import Testing

/// Random expression trees over every elementary function: all methods must agree.
@Suite struct PropertyTests {
    private func randomCase(_ seed: Int) -> (TestFunction, [Double]) {
        var generator = RandomExpressions(seed: UInt64(seed), variables: 1 + seed % 3)
        let f = generator.function(depth: 4)
        return (f, generator.point())
    }

    @Test func symbolicForwardAndReverseAgreeToTenDigits() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let (f, x) = randomCase(seed)
            let reverse = try gradient(of: f, at: x)
            let forward = try forwardGradient(of: f, at: x)
            let symbolic = try SymbolicFunction(of: f).gradient().map { try $0.evaluate(x) as Double }
            #expect(agrees(forward, reverse, relative: 1e-10, absolute: 1e-13), "\(f) at \(x)")
            #expect(agrees(symbolic, reverse, relative: 1e-10, absolute: 1e-13), "\(f) at \(x)")
            let value: Double = try f.evaluate(x)
            let symbolicValue: Double = try SymbolicFunction(of: f).evaluate(x)
            #expect(agrees(value, symbolicValue, relative: 1e-12, absolute: 1e-14), "\(f) at \(x)")
        }
    }

    @Test func centralDifferencesAgreeToSixDigits() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let (f, x) = randomCase(seed)
            let exact = try gradient(of: f, at: x)
            let numeric = try numericGradient(of: f, at: x, scheme: .central)
            let value: Double = try f.evaluate(x)
            for i in x.indices {
                // 1e-6 relative, unless the truncation bound h²|f‴|/6 (+ rounding ε|f|/h)
                // predicts more for this particular function; then within 4× that bound.
                let h = DifferenceScheme.central.defaultStep(at: x[i])
                let bound = h * h * Swift.abs(try thirdDerivative(of: f, at: x, along: i)) / 6
                    + 4 * Double.ulpOfOne * Swift.abs(value) / h
                let ok = agrees(numeric[i], exact[i], relative: 1e-6, absolute: 1e-8)
                    || Swift.abs(numeric[i] - exact[i]) <= 4 * bound
                #expect(ok, "\(f) at \(x): numeric \(numeric[i]) exact \(exact[i]) bound \(bound)")
            }
        }
    }

    @Test func complexStepAgreesToThirteenDigits() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let (f, x) = randomCase(seed)
            let exact = try gradient(of: f, at: x)
            let complex = try numericGradient(of: f, at: x, scheme: .complexStep)
            #expect(agrees(complex, exact, relative: 1e-13, absolute: 1e-14), "\(f) at \(x)")
        }
    }

    @Test func hessiansFromNestedDualsAndForwardOverReverseAgree() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let (f, x) = randomCase(seed)
            let nested = try hessian(of: f, at: x, method: .nestedDuals)
            let overReverse = try hessian(of: f, at: x, method: .forwardOverReverse)
            #expect(agrees(nested, overReverse, relative: 1e-9, absolute: 1e-11), "\(f) at \(x)")
        }
    }

    @Test func secondSymbolicDerivativeMatchesTheHessian() async throws {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            let (f, x) = randomCase(seed)
            let symbolic = try SymbolicFunction(of: f)
            let h = try hessian(of: f, at: x)
            for (i, name) in f.parameterNames.enumerated() {
                let row = try symbolic.derivative(withRespectTo: name).gradient().map { try $0.evaluate(x) as Double }
                #expect(agrees(row, h[i], relative: 1e-9, absolute: 1e-11), "\(f) at \(x)")
            }
        }
    }
}

/// d³/dt³ f(x + t·eᵢ) by triply nested duals (for the central-difference error bound).
func thirdDerivative(of f: some ScalarFunction, at x: [Double], along i: Int) throws -> Double {
    typealias D3 = Dual<Dual<Dual<Double>>>
    let inputs: [D3] = x.indices.map { k in
        let s: Double = k == i ? 1 : 0
        let inner = Dual<Double>(x[k], tangent: s)
        let middle = Dual<Dual<Double>>(inner, tangent: Dual<Double>(s, tangent: 0))
        return D3(middle, tangent: Dual<Dual<Double>>(Dual<Double>(s, tangent: 0), tangent: Dual<Double>(0)))
    }
    return try f.evaluate(inputs).tangent.tangent.tangent
}

/// The printed text form reads back (with the cell language's precedence rules) as the same
/// function: minimal parentheses never change the meaning.
@Suite struct PrintedFormRoundTripTests {
    @Test func textFormParsesBackToTheSameFunction() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max))) { seed in
            var generator = RandomExpressions(seed: UInt64(seed), variables: 1 + seed % 3)
            let f = generator.function(depth: 4)
            let x = generator.point()
            let symbolic = try SymbolicFunction(of: f)
            for g in [symbolic] + (try symbolic.gradient()) {
                let text = g.expression.description
                let reparsed = try ParsedFunction(f.parameterNames.joined(separator: " "), text)
                let direct: Double = try g.evaluate(x)
                let viaText: Double = try reparsed.evaluate(x)
                // Printed numbers keep 10 significant digits.
                #expect(agrees(direct, viaText, relative: 1e-7, absolute: 1e-9), "\(text) at \(x)")
            }
        }
    }
}
