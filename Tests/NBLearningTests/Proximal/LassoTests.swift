import Testing
@testable import NBLearning

@Suite struct LassoTests {
    let reference: LassoReference
    let problem: LassoProblem

    init() throws {
        reference = try LassoReference.load()
        problem = try LassoProblem(dataset: Diabetes.load(path: Fixtures.diabetesPath), alpha: reference.alpha)
    }

    @Test func lipschitzConstantIsTheLargestEigenvalue() throws {
        #expect(abs(try problem.lipschitzConstant() - reference.lipschitz) <= 1e-12 * reference.lipschitz)
    }

    @Test(arguments: ProximalMethod.allCases)
    func reachesScikitLearnsSolution(method: ProximalMethod) throws {
        let fit = try problem.solve(ProximalGradientOptions(method: method, tolerance: 1e-11, maxIterations: 20_000))
        #expect(fit.converged)
        #expect(abs(fit.objective - reference.objective) <= 1e-4 * reference.objective)
        let objective = try problem.objective(coefficients: fit.coefficients, intercept: fit.intercept)
        #expect(abs(objective - reference.objective) <= 1e-9 * reference.objective)
        for (ours, theirs) in zip(fit.coefficients, reference.coefficients) {
            if theirs == 0 {
                #expect(ours == 0)
            } else {
                #expect(abs(ours - theirs) <= 1e-4 * abs(theirs), "\(ours) vs \(theirs)")
            }
        }
        #expect(abs(fit.intercept - reference.intercept) <= 1e-4 * abs(reference.intercept))
        let kkt = try problem.kkt(coefficients: fit.coefficients, intercept: fit.intercept)
        #expect(kkt.isSatisfied(tolerance: 1e-8), "KKT residual \(kkt.residual)")
    }

    @Test func kktFailsAwayFromTheOptimum() throws {
        var w = reference.coefficients
        let atOptimum = try problem.kkt(coefficients: w, intercept: reference.intercept)
        #expect(atOptimum.residual < 1e-6)
        w[0] = 1  // a zero coefficient made non-zero
        let moved = try problem.kkt(coefficients: w, intercept: reference.intercept)
        #expect(moved.residual > 1e-3)
        let shifted = try problem.kkt(coefficients: reference.coefficients, intercept: reference.intercept + 1)
        #expect(shifted.residual >= 1 - 1e-6)
        #expect(throws: LassoError.self) { try problem.kkt(coefficients: [1, 2], intercept: 0) }
    }

    @Test(arguments: ["ista", "fista", "ista_backtracking", "fista_backtracking", "fista_restart"])
    func iterationCountsAndObjectivesMatchTheNumpyPeer(run name: String) throws {
        let run = try #require(reference.runs[name])
        let options = ProximalGradientOptions(method: name.hasPrefix("fista") ? .fista : .ista,
                                              backtracking: name.hasSuffix("backtracking"),
                                              restart: name.hasSuffix("restart"),
                                              tolerance: reference.gap_tolerance)
        let fit = try problem.solve(options)
        #expect(fit.converged)
        #expect(abs(fit.iterations - run.iterations_to_gap) <= 2, "\(fit.iterations) vs \(run.iterations_to_gap)")
        for (ours, theirs) in zip(fit.objectiveHistory, run.objective_head) {
            #expect(abs(ours - theirs) <= 1e-10 * theirs)
        }
        #expect(abs(fit.lipschitz - run.final_lipschitz) <= 1e-12 * run.final_lipschitz)
    }

    @Test func fistaNeedsFewerIterationsThanIsta() throws {
        let ista = try problem.solve(ProximalGradientOptions(method: .ista, tolerance: 1e-6))
        let fista = try problem.solve(ProximalGradientOptions(method: .fista, tolerance: 1e-6))
        let restarted = try problem.solve(ProximalGradientOptions(method: .fista, restart: true, tolerance: 1e-6))
        #expect(fista.iterations < ista.iterations)
        #expect(restarted.iterations < fista.iterations && restarted.restarts > 0)
        #expect(try #require(reference.runs["fista"]).iterations_to_gap
                < (try #require(reference.runs["ista"])).iterations_to_gap)
    }

    @Test func historiesAreConsistent() throws {
        let fit = try problem.solve(ProximalGradientOptions(method: .ista, tolerance: 1e-6))
        #expect(fit.objectiveHistory.count == fit.iterations && fit.gapHistory.count == fit.iterations)
        // ISTA with step 1/L decreases F monotonically, and the gap bounds F − F* from above.
        for (previous, next) in zip(fit.objectiveHistory, fit.objectiveHistory.dropFirst()) {
            #expect(next <= previous + 1e-9)
        }
        for (objective, gap) in zip(fit.objectiveHistory, fit.gapHistory) {
            #expect(gap >= objective - reference.objective - 1e-9)
        }
        #expect(fit.iterations(toGap: 1e-6) == fit.iterations)
        #expect(fit.iterations(toGap: -1) == nil)
    }

    @Test func dualityGapVanishesAtTheOptimumOnly() throws {
        #expect(try problem.dualityGap(coefficients: reference.coefficients) < 1e-7)
        #expect(try problem.dualityGap(coefficients: [Double](repeating: 0, count: 10)) > 100)
        #expect(throws: LassoError.self) { try problem.dualityGap(coefficients: []) }
        #expect(throws: LassoError.self) { try problem.objective(coefficients: [0]) }
    }

    @Test func degenerateAndInvalidInput() throws {
        // Constant features: w = 0 is optimal and b is the mean target.
        let flat = try LassoProblem(features: [1, 1, 1], sampleCount: 3, featureCount: 1, targets: [1, 2, 6], alpha: 0.1)
        let fit = try flat.solve()
        #expect(fit.coefficients == [0] && fit.intercept == 3 && fit.converged)
        #expect(throws: LassoError.self) { try LassoProblem(features: [], sampleCount: 0, featureCount: 1, targets: [], alpha: 1) }
        #expect(throws: LassoError.self) { try LassoProblem(features: [1, 2], sampleCount: 2, featureCount: 1, targets: [1], alpha: 1) }
        #expect(throws: LassoError.self) { try LassoProblem(features: [.nan], sampleCount: 1, featureCount: 1, targets: [1], alpha: 1) }
        #expect(throws: LassoError.self) { try LassoProblem(features: [1], sampleCount: 1, featureCount: 1, targets: [1], alpha: -1) }
        #expect(throws: LassoError.self) { try problem.solve(start: [1]) }
        #expect(throws: LassoError.self) { try problem.solve(ProximalGradientOptions(maxIterations: -1)) }
    }

    @Test func orthonormalDesignHasTheClosedFormSolution() throws {
        // With XᵀX/n = I the Lasso solution is the soft-thresholded least-squares fit Xᵀy_c/n.
        let x: [Double] = [1, 1, 1, -1, -1, 1, -1, -1]  // columns orthogonal, centred, unit mean square
        let y: [Double] = [3, 1, -0.5, -2]
        let alpha = 0.4
        let fit = try LassoProblem(features: x, sampleCount: 4, featureCount: 2, targets: y, alpha: alpha)
            .solve(ProximalGradientOptions(tolerance: 1e-14, maxIterations: 1000))
        let mean = y.reduce(0, +) / 4
        for j in 0..<2 {
            let leastSquares = (0..<4).reduce(0.0) { $0 + x[$1 * 2 + j] * (y[$1] - mean) } / 4
            #expect(abs(fit.coefficients[j] - Proximal.softThreshold(leastSquares, threshold: alpha)) < 1e-12)
        }
        #expect(abs(fit.intercept - mean) < 1e-12)
    }
}
