import NBLearning

/// Proximal gradient methods for ℓ1-regularised least squares (the Lasso): `softthreshold`,
/// `lasso`, `lassopath`, `lassoconvergence`.
public enum ProximalBuiltins {
    public static let all: [Builtin] = [
        Builtin("softthreshold", usage: "softthreshold(z, λ)  # sign(z)·max(|z| − λ, 0), elementwise") { call throws(LanguageError) in
            try call.expect(2)
            let lambda = try call.number(1, "the threshold λ")
            guard lambda >= 0 else { throw call.error("the threshold must not be negative") }
            if case .number(let z) = call.positional[0] { return .number(Proximal.softThreshold(z, threshold: lambda)) }
            let z = try call.tensor(0, "z")
            return .tensor(TensorValue(shape: z.shape, elements: Proximal.softThreshold(z.elements, threshold: lambda)))
        },
        Builtin("lasso", usage: "lasso(X, y, alpha: 0.1, method: \"fista\", tol: 1e-6, maxiter: 10000)  # min (1/2n)‖y − Xw − b‖² + α‖w‖₁") { call throws(LanguageError) in
            try call.expect(2, labels: ["alpha", "method", "tol", "maxiter", "backtracking"])
            let problem = try call.lassoProblem()
            let options = try call.proximalOptions()
            let fit = try call.learning { try problem.solve(options, budget: call.budget) }
            let kkt = try call.learning { try problem.kkt(coefficients: fit.coefficients, intercept: fit.intercept) }
            return .record(RecordValue(fields: [
                ("w", .tensor(TensorValue(fit.coefficients))),
                ("b", .number(fit.intercept)),
                ("objective", .number(fit.objective)),
                ("gap", .number(fit.gap)),
                ("iterations", .number(Double(fit.iterations))),
                ("converged", .bool(fit.converged)),
                ("kkt", .number(kkt.residual)),
                ("history", .tensor(TensorValue(fit.objectiveHistory))),
                ("gaps", .tensor(TensorValue(fit.gapHistory))),
            ]))
        },
        Builtin("lassopath", usage: "lassopath(X, y, count: 50)  # coefficients against α, warm-started, as a plot") { call throws(LanguageError) in
            try call.expect(2, labels: ["count", "tol"])
            let problem = try call.lassoProblem(alpha: 1)
            let count = try call.optionalInteger(label: "count") ?? 50
            guard (2...500).contains(count) else { throw call.error("count must be between 2 and 500") }
            let tolerance = try call.number(label: "tol", default: 1e-8)
            let grid = LassoPath.logGrid(largest: problem.alphaMax, ratio: 1e-3, count: count)
            let path = try call.learning {
                try problem.path(alphas: grid, options: ProximalGradientOptions(method: .fista, tolerance: tolerance),
                                 budget: call.budget)
            }
            let series = (0..<problem.featureCount).map { j in
                PlotSpec.Series(name: "w\(j)", xs: path.alphas, ys: path.coefficients.map { $0[j] })
            }
            return .display(.plot(PlotSpec(title: "Lasso path", xLabel: "α", yLabel: "coefficient",
                                           xScale: .log, series: series)))
        },
        Builtin("lassoconvergence", usage: "lassoconvergence(X, y, alpha: 0.1)  # ISTA vs FISTA: F(w_k) − F* per iteration") { call throws(LanguageError) in
            try call.expect(2, labels: ["alpha", "maxiter"])
            let problem = try call.lassoProblem()
            let maxIterations = try call.iterations(label: "maxiter", default: 2000)
            let reference = try call.learning {
                try problem.solve(ProximalGradientOptions(method: .fista, restart: true, tolerance: 1e-13, maxIterations: 100_000),
                                  budget: call.budget)
            }
            let best = reference.objective
            // Each series stops where F − F* first falls below 1e-12·|F*|, well above the rounding
            // noise of F (about 1e-16·|F*|), so its length does not depend on that noise.
            let floor = 1e-12 * Swift.max(Swift.abs(best), 1e-300)
            var series: [PlotSpec.Series] = []
            var fields: [(name: String, value: Value)] = [("optimum", .number(best))]
            var excessFields: [(name: String, value: Value)] = []
            for method in [ProximalMethod.ista, .fista] {
                let fit = try call.learning {
                    try problem.solve(ProximalGradientOptions(method: method, tolerance: 0, maxIterations: maxIterations),
                                      budget: call.budget)
                }
                var excess = fit.objectiveHistory.map { $0 - best }
                if let end = excess.firstIndex(where: { $0 < floor }) { excess.removeSubrange(end...) }
                series.append(PlotSpec.Series(name: method.rawValue.uppercased(),
                                              xs: excess.indices.map { Double($0 + 1) }, ys: excess))
                let toGap = fit.iterations(toGap: 1e-6).map { Value.number(Double($0)) } ?? .nothing
                fields.append((method.rawValue, toGap))
                let toExcess = fit.objectiveHistory.firstIndex { $0 - best <= 1e-6 }.map { Value.number(Double($0 + 1)) } ?? .nothing
                excessFields.append((method.rawValue + "_excess", toExcess))
            }
            fields += excessFields
            let plot = PlotSpec(title: "Proximal gradient on the Lasso: F(w_k) − F*", xLabel: "iteration k",
                                yLabel: "F(w_k) − F*", xScale: .log, yScale: .log, series: series)
            return .record(RecordValue(fields: fields, display: .plot(plot)))
        },
    ]
}

extension BuiltinCall {
    /// The Lasso problem of a call `f(X, y, alpha: …)`.
    func lassoProblem(alpha fixed: Double? = nil) throws(LanguageError) -> LassoProblem {
        let x = try matrix(0, "X")
        let y = try vector(1, "y", count: x.shape[0])
        let alpha: Double
        if let fixed { alpha = fixed } else { alpha = try number(label: "alpha", default: 0.1) }
        guard alpha >= 0 else { throw error("alpha must not be negative") }
        return try learning {
            try LassoProblem(features: x.elements, sampleCount: x.shape[0], featureCount: x.shape[1], targets: y, alpha: alpha)
        }
    }

    /// `method:`, `tol:`, `maxiter:`, `backtracking:` of a proximal-gradient call.
    func proximalOptions() throws(LanguageError) -> ProximalGradientOptions {
        let name = try string(label: "method", default: "fista")
        guard let method = ProximalMethod(rawValue: name.lowercased()) else {
            throw error("unknown method \"\(name)\"", hint: "method: \"ista\" or \"fista\"")
        }
        var backtracking = false
        if case .bool(let b)? = named["backtracking"] { backtracking = b }
        return ProximalGradientOptions(method: method, backtracking: backtracking,
                                       tolerance: try number(label: "tol", default: 1e-6),
                                       maxIterations: try iterations(label: "maxiter", default: 10_000))
    }
}
