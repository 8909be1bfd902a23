import NBLearning

/// Proximal gradient methods for ℓ1-regularised least squares (the Lasso): `softthreshold`,
/// `lasso`, `lassopath`, `lassoconvergence`.
public enum ProximalBuiltins {
    public static let all: [Builtin] = [
        Builtin("softthreshold", .proximal,
            summary: "The proximal operator of λ‖·‖₁.",
            parameters: [.positional("z", .tensor), .positional("λ", .number)],
            examples: [
                BuiltinExample("softthreshold", #"""
                softthreshold([2, -0.5, 0.1], 0.3)
                """#, output: #"""
                [1.7, -0.2, 0]
                """#),
            ]) { call throws(LanguageError) in
            let lambda = try call.number(1, "the threshold λ")
            guard lambda >= 0 else { throw call.error("the threshold must not be negative") }
            if case .number(let z) = call.positional[0] { return .number(Proximal.softThreshold(z, threshold: lambda)) }
            let z = try call.tensor(0, "z")
            return .tensor(Tensor<Double>(validShape: z.shape, scalars: Proximal.softThreshold(z.scalars, threshold: lambda)))
        },
        Builtin("lasso", .proximal,
            summary: "The Lasso, min (1/2n)‖y − Xw − b‖² + α‖w‖₁, by proximal gradient.",
            parameters: [
                .positional("X", .tensor),
                .positional("y", .tensor),
                .labelled("alpha", .number, default: 0.1),
                .labelled("method", .string, default: "fista"),
                .labelled("tol", .number, default: 1e-6),
                .labelled("maxiter", .wholeNumber, default: 10000),
                .labelled("backtracking", .boolean, default: false),
            ],
            discussion: #"""
            `method:` is `"fista"` or `"ista"`; `backtracking: true` searches the step size. The result is `{w, b, objective, gap, iterations, converged, kkt, history, gaps}`.
            """#,
            examples: [
                BuiltinExample("lasso", #"""
                Xl = randn(30, 3, seed: 1)
                yl = Xl @ [2, 0, -1] + 0.5
                fitl = lasso(Xl, yl, alpha: 0.05, tol: 1e-10)
                fitl.w
                fitl.converged
                """#, output: #"""
                [1.950100703, 0, -0.9349065144]
                true
                """#),
            ]) { call throws(LanguageError) in
            let problem = try call.lassoProblem()
            let options = try call.proximalOptions()
            let fit = try call.learning { try problem.solve(options, budget: call.budget) }
            let kkt = try call.learning { try problem.kkt(coefficients: fit.coefficients, intercept: fit.intercept) }
            return .record(RecordValue(fields: [
                ("w", .tensor(Tensor<Double>(fit.coefficients))),
                ("b", .number(fit.intercept)),
                ("objective", .number(fit.objective)),
                ("gap", .number(fit.gap)),
                ("iterations", .number(Double(fit.iterations))),
                ("converged", .bool(fit.converged)),
                ("kkt", .number(kkt.residual)),
                ("history", .tensor(Tensor<Double>(fit.objectiveHistory))),
                ("gaps", .tensor(Tensor<Double>(fit.gapHistory))),
            ]))
        },
        Builtin("lassopath", .proximal,
            summary: "The Lasso coefficients against α, warm-started, as a plot with one series per coefficient.",
            parameters: [
                .positional("X", .tensor),
                .positional("y", .tensor),
                .labelled("count", .wholeNumber, default: 50),
                .labelled("tol", .number, default: 1e-8),
            ],
            discussion: #"""
            The grid has `count` values on a log scale from α_max (the smallest α at which every coefficient is 0) down to α_max/1000; each fit starts from the last.
            """#,
            examples: [
                BuiltinExample("lassopath", #"""
                lassopath(Xl, yl, count: 5)
                """#, output: #"""
                <plot: Lasso path, 3 series, 15 points>
                  series "w0": 5 points, x from 0.001882648529 to 1.882648529, y from 0 to 1.998121139
                    x  1.882648529  0.3347875115  0.05953457385  0.01058691069  0.001882648529
                    y  0  1.66588677  1.940585336  1.989434413  1.998121139
                  series "w1": 5 points, x from 0.001882648529 to 1.882648529, y from 0 to 0
                    x  1.882648529  0.3347875115  0.05953457385  0.01058691069  0.001882648529
                    y  0  0  0  0  0
                  series "w2": 5 points, x from 0.001882648529 to 1.882648529, y from -0.9975490467 to 0
                    x  1.882648529  0.3347875115  0.05953457385  0.01058691069  0.001882648529
                    y  0  -0.5641502762  -0.9224937389  -0.9862172212  -0.9975490467
                """#),
            ]) { call throws(LanguageError) in
            let problem = try call.lassoProblem(alpha: 1)
            let count = try call.integer(label: "count")
            guard (2...500).contains(count) else { throw call.error("count must be between 2 and 500") }
            let tolerance = try call.number(label: "tol")
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
        Builtin("lassoconvergence", .proximal,
            summary: "ISTA against FISTA on one Lasso problem: F(w_k) − F* per iteration, as a log plot (`maxiter:` bounds the iterations).",
            parameters: [
                .positional("X", .tensor),
                .positional("y", .tensor),
                .labelled("alpha", .number, default: 0.1),
                .labelled("maxiter", .wholeNumber, default: 2000),
            ],
            examples: [
                BuiltinExample("lassoconvergence", #"""
                lassoconvergence(Xl, yl, alpha: 0.1, maxiter: 50)
                """#, output: #"""
                <plot: Proximal gradient on the Lasso: $F(w_k) - F^\star$, 2 series, 56 points>
                  series "ISTA": 25 points, x from 1 to 25, y from 3.695377337e-13 to 0.4161329474
                    x  1  4  8  11  15  18  22  25
                    y  0.4161329474  0.01716167674  8.269013312e-5  1.282377857e-6  1.242259229e-8  5.225998523e-10  8.23241475e-12  3.695377337e-13
                  series "FISTA": 31 points, x from 1 to 31, y from 3.954614414e-13 to 0.4161329474
                    x  1  5  10  14  18  22  27  31
                    y  0.4161329474  0.0002589066986  7.965397474e-6  1.541267302e-7  5.643643275e-9  4.017230437e-10  9.919509658e-12  1.308231301e-12
                """#),
            ]) { call throws(LanguageError) in
            let problem = try call.lassoProblem()
            let maxIterations = try call.iterations(label: "maxiter")
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
            // TeX between dollars: the page typesets it (italic variables, scripts).
            let plot = PlotSpec(title: "Proximal gradient on the Lasso: $F(w_k) - F^\\star$", xLabel: "iteration $k$",
                                yLabel: "$F(w_k) - F^\\star$", xScale: .log, yScale: .log, series: series)
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
        if let fixed { alpha = fixed } else { alpha = try number(label: "alpha") }
        guard alpha >= 0 else { throw error("alpha must not be negative") }
        return try learning {
            try LassoProblem(features: x.scalars, sampleCount: x.shape[0], featureCount: x.shape[1], targets: y, alpha: alpha)
        }
    }

    /// `method:`, `tol:`, `maxiter:`, `backtracking:` of a proximal-gradient call (defaults from its declaration).
    func proximalOptions() throws(LanguageError) -> ProximalGradientOptions {
        let name = try string(label: "method")
        guard let method = ProximalMethod(rawValue: name.lowercased()) else {
            throw error("unknown method \"\(name)\"", hint: "method: \"ista\" or \"fista\"")
        }
        var backtracking = false
        if case .bool(let b)? = labelled("backtracking") { backtracking = b }
        return ProximalGradientOptions(method: method, backtracking: backtracking,
                                       tolerance: try number(label: "tol"),
                                       maxIterations: try iterations(label: "maxiter"))
    }
}
