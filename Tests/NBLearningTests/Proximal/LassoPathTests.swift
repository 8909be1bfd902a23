import Testing
@testable import NBLearning

@Suite struct LassoPathTests {
    @Test func pathMatchesScikitLearnsLassoPath() throws {
        let reference = try LassoReference.load()
        let problem = try LassoProblem(dataset: Diabetes.load(path: Fixtures.diabetesPath), alpha: reference.alpha)
        #expect(abs(problem.alphaMax - reference.path.alpha_max) <= 1e-12 * reference.path.alpha_max)
        // The first 20 of scikit-learn's 30 weights (down to alpha_max/100): the smallest ones need
        // thousands of iterations, too slow for a debug-build test. A gap of 1e-6 leaves the
        // coefficients within 1e-8 (relative) of the optimum.
        let alphas = Array(reference.path.alphas.prefix(20))
        let path = try problem.path(alphas: alphas, options: ProximalGradientOptions(tolerance: 1e-6))
        #expect(path.alphas == alphas)
        #expect(path.fits.allSatisfy { $0.converged })
        for (ours, theirs) in zip(path.coefficients, reference.path.coefficients) {
            let scale = max(theirs.map(abs).max() ?? 0, 1)
            for (a, b) in zip(ours, theirs) {
                #expect(abs(a - b) <= 1e-4 * scale, "\(a) vs \(b)")
            }
        }
        // At alpha_max every coefficient is zero; the number of non-zeros grows along the path.
        #expect(path.coefficients[0].allSatisfy { $0 == 0 })
        #expect((path.coefficients.last ?? []).filter { $0 != 0 }.count
                == (reference.path.coefficients[19]).filter { $0 != 0 }.count)
    }

    @Test func warmStartsSaveIterations() throws {
        let problem = try LassoProblem(dataset: Diabetes.load(path: Fixtures.diabetesPath), alpha: 1)
        let alphas = LassoPath.logGrid(largest: problem.alphaMax, ratio: 0.01, count: 15)
        let options = ProximalGradientOptions(tolerance: 1e-6)
        let warm = try problem.path(alphas: alphas, options: options)
        let cold = try alphas.map { alpha throws(LassoError) in try problem.withAlpha(alpha).solve(options) }
        #expect(warm.iterations.reduce(0, +) < cold.map(\.iterations).reduce(0, +))
    }

    @Test func logGridEndpointsAndSpacing() {
        let grid = LassoPath.logGrid(largest: 2, ratio: 1e-3, count: 4)
        #expect(grid.first == 2 && grid.last == 2e-3)
        #expect(abs(grid[1] - 0.2) < 1e-15 && abs(grid[2] - 0.02) < 1e-16)
        #expect(LassoPath.logGrid(largest: 1, count: 0).isEmpty)
        #expect(LassoPath.logGrid(largest: 1, count: 1) == [1])
    }
}
