import Testing
@testable import NBLanguage

/// A differentiated function may itself differentiate (SPEC §4): each differentiation works on
/// top of the one running, so perturbations never get confused.
@Suite struct NestedDifferentiationTests {
    @Test func perturbationConfusionIsAvoided() {
        // d/dx [x · d/dy (x + y)] = 1 (a confused implementation gives 2).
        #expect(transcript("k(x) = x * jvp(y -> x + y, [1], [1])\njvp(k, [1], [1])") == "1")
        #expect(transcript("k(x) = x * grad(y -> x + y, 1)\ngrad(k, 1)") == "1")
    }

    @Test func gradOfGrad() {
        // d/dx [∂/∂y (x y²) at y = x] = d/dx 2x² = 4x.
        #expect(transcript("grad(x -> grad(y -> x*y^2, [x])[0], [3])") == "[12]")
        #expect(transcript("g(x) = grad(sin, x)\ngrad(g, 0.5) == -sin(0.5)") == "true")
    }

    @Test func hessianAsGradOfGradAgreesWithHessian() {
        let cells = """
        f(x, y) = x^2*y + sin(x*y) + exp(x - y)
        gx(x, y) = grad(f, [x, y])[0]
        gy(x, y) = grad(f, [x, y])[1]
        H = hessian(f, [1, 2])
        G = [grad(gx, [1, 2]), grad(gy, [1, 2])]
        close(G, H, rtol: 1e-12, atol: 1e-14)
        """
        #expect(transcript(cells) == "true")
    }

    @Test func thirdDerivativesNest() {
        // d³/dx³ x⁵ = 60 x² → 240 at 2.
        #expect(transcript("d(f) = x -> grad(f, x)\nd(d(d(x -> x^5)))(2)") == "240")
    }
}
