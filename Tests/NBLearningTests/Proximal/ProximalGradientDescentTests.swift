import Testing
import Foundation
@testable import NBLearning

@Suite struct ProximalGradientDescentTests {
    /// f(x) = ½‖x − a‖²: the minimiser of f + λ‖x‖₁ is the soft-thresholded a.
    @Test(arguments: [ProximalMethod.ista, .fista])
    func separableQuadraticHasTheClosedForm(method: ProximalMethod) throws {
        let a = [3.0, -0.2, 0.5, -2]
        let lambda = 0.6
        let result = try ProximalGradientDescent.minimize(
            start: [0, 0, 0, 0], l1Weight: lambda, lipschitz: 1,
            options: ProximalGradientOptions(method: method, tolerance: 1e-12)) { x in
            let d = zip(x, a).map { $0 - $1 }
            return (0.5 * d.reduce(0) { $0 + $1 * $1 }, d)
        }
        #expect(result.converged)
        #expect(result.point == Proximal.softThreshold(a, threshold: lambda))
    }

    /// The diabetes Lasso through closures (f and ∇f as a caller would get them from autodiff)
    /// reaches scikit-learn's coefficients, with backtracking from L = 1 and with the exact L.
    @Test(arguments: [false, true])
    func diabetesLassoThroughClosures(backtracking: Bool) throws {
        let reference = try LassoReference.load()
        let problem = try LassoProblem(dataset: Diabetes.load(path: Fixtures.diabetesPath), alpha: reference.alpha)
        let result = try ProximalGradientDescent.minimize(
            start: [Double](repeating: 0, count: 10), l1Weight: reference.alpha,
            lipschitz: backtracking ? 1e-4 : reference.lipschitz,
            options: ProximalGradientOptions(method: .fista, backtracking: backtracking, restart: true,
                                             tolerance: 1e-9, maxIterations: 20_000)) { w in
            (problem.smoothPart(w), problem.smoothGradient(w))
        }
        #expect(result.converged)
        #expect(abs(result.objective - reference.objective) <= 1e-9 * reference.objective)
        for (ours, theirs) in zip(result.point, reference.coefficients) {
            #expect(abs(ours - theirs) <= 1e-4 * max(abs(theirs), 1))
        }
        if backtracking { #expect(result.lipschitz >= 1e-4 && result.lipschitz <= 2 * reference.lipschitz) }
    }

    /// ℓ₁-regularised logistic regression on two blobs: the answer satisfies the optimality
    /// conditions |∇f_j| ≤ λ on zeros and ∇f_j = −λ·sign(x_j) on non-zeros.
    @Test func logisticRegressionMeetsItsOptimalityConditions() throws {
        let data = try Dataset.blobs(samples: 80, centers: 2, features: 3, spread: 3, seed: 11)
        let n = Double(data.sampleCount)
        func loss(_ w: [Double]) -> (value: Double, gradient: [Double]) {
            var value = 0.0
            var gradient = [Double](repeating: 0, count: 3)
            for i in 0..<data.sampleCount {
                let margin = (0..<3).reduce(0.0) { $0 + w[$1] * data[i, $1] }
                let y = data.targets[i]
                let p = 1 / (1 + (-margin).exp)
                value += (margin > 0 ? (1 + (-margin).exp).log + (1 - y) * margin
                                     : (1 + margin.exp).log - y * margin) / n
                for j in 0..<3 { gradient[j] += (p - y) * data[i, j] / n }
            }
            return (value, gradient)
        }
        let lambda = 0.05
        let result = try ProximalGradientDescent.minimize(
            start: [0, 0, 0], l1Weight: lambda,
            options: ProximalGradientOptions(restart: true, tolerance: 1e-10, maxIterations: 50_000), smooth: loss)
        #expect(result.converged)
        let gradient = loss(result.point).gradient
        for (w, g) in zip(result.point, gradient) {
            if w == 0 { #expect(abs(g) <= lambda + 1e-8) } else { #expect(abs(g + lambda * (w > 0 ? 1 : -1)) <= 1e-8) }
        }
        #expect(result.point.contains { $0 != 0 })
    }

    @Test func invalidInputAndCallerErrors() {
        struct Boom: Error {}
        #expect(throws: LassoError.self) {
            try ProximalGradientDescent.minimize(start: [0], l1Weight: -1) { _ in (0, [0]) }
        }
        #expect(throws: LassoError.self) {
            try ProximalGradientDescent.minimize(start: [0], l1Weight: 1, lipschitz: 0) { _ in (0, [0]) }
        }
        #expect(throws: LassoError.self) {
            try ProximalGradientDescent.minimize(start: [0, 0], l1Weight: 1, lipschitz: 1) { _ in (0, [0]) }
        }
        #expect(throws: Boom.self) {
            try ProximalGradientDescent.minimize(start: [0], l1Weight: 1) { _ in throw Boom() }
        }
    }
}

private extension Double {
    var exp: Double { Foundation.exp(self) }
    var log: Double { Foundation.log(self) }
}

@Suite struct ProximalGradientRobustnessTests {
    /// f = nan everywhere but the start: the run stops, unconverged, instead of hanging or
    /// claiming success.
    @Test func nanObjectiveStopsWithoutConverging() throws {
        let result = try ProximalGradientDescent.minimize(
            start: [1], l1Weight: 0.1, lipschitz: 1,
            options: ProximalGradientOptions(tolerance: 1e-8, maxIterations: 50)) { x in
            (x[0] == 1 ? 0 : .nan, [1])
        }
        #expect(!result.converged)
        #expect(result.iterations <= 1)
    }

    @Test func nanObjectiveWithBacktrackingDoesNotConverge() throws {
        let result = try ProximalGradientDescent.minimize(
            start: [1], l1Weight: 0.1,
            options: ProximalGradientOptions(tolerance: 1e-8, maxIterations: 50)) { x in
            (x[0] == 1 ? 0 : .nan, [1])
        }
        #expect(!result.converged)
    }

    @Test func kktResidualMeasuresTheSubgradientCondition() {
        #expect(ProximalGradientDescent.kktResidual(point: [0, 2, -1], gradient: [0.05, -0.1, 0.1], l1Weight: 0.1) == 0)
        #expect(ProximalGradientDescent.kktResidual(point: [0], gradient: [0.375], l1Weight: 0.125) == 0.25)
        #expect(ProximalGradientDescent.kktResidual(point: [1], gradient: [0.375], l1Weight: 0.125) == 0.5)
        #expect(ProximalGradientDescent.kktResidual(point: [1], gradient: [.nan], l1Weight: 0.1).isNaN)
    }
}
