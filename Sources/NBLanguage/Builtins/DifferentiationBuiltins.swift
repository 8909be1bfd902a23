import NBAutodiff

/// `derivative`, `grad`, `jvp`, `numgrad`, `hessian`, `jacobian`, `gradtable`, `gradcheck`, `hsweep`.
public enum DifferentiationBuiltins {
    public static let all: [Builtin] = [
        Builtin("derivative", usage: "derivative(f) or derivative(f, \"y\")") { call throws(LanguageError) in
            try call.expect(1...2)
            let f = try call.scalarFunction(0)
            guard let first = f.parameterNames.first else { throw call.error("the function has no parameters") }
            let parameter = call.positional.count == 2 ? try call.string(1, "the parameter name") : first
            if call.positional.count == 1 && f.parameterNames.count > 1 {
                throw call.error("\(call.functionName(0)) has several parameters (\(f.parameterNames.joined(separator: ", ")))",
                                 hint: "name one: derivative(\(call.functionName(0)), \"\(first)\")")
            }
            guard f.parameterNames.contains(parameter) else {
                throw call.error("\(call.functionName(0)) has no parameter '\(parameter)' (parameters: \(f.parameterNames.joined(separator: ", ")))")
            }
            let name = call.derivativeBaseName(0)
            return .symbolic(try call.engine { try EngineBridge.symbolicDerivative(f, name: name, withRespectTo: parameter) })
        },
        Builtin("grad", usage: "grad(f, at)  # reverse mode; at: a number or [x, y, …]") { call throws(LanguageError) in
            try call.expect(2)
            let p = try call.problem()
            return p.gradientValue(try call.engine { try EngineBridge.gradient(p.function, at: p.point) })
        },
        Builtin("jvp", usage: "jvp(f, at, v)  # forward mode ∇f(at)·v") { call throws(LanguageError) in
            try call.expect(3)
            let p = try call.problem()
            let direction = try call.vector(2, like: p, what: "the direction v")
            return .number(try call.engine { try EngineBridge.jvp(p.function, at: p.point, direction: direction) })
        },
        Builtin("numgrad", usage: "numgrad(f, at, h: 1e-5, scheme: \"central\")  # or \"forward\", \"complex\"") { call throws(LanguageError) in
            try call.expect(2, labels: ["h", "scheme"])
            let p = try call.problem()
            let step = try call.optionalNumber(label: "h")
            let scheme = try call.scheme(default: "central")
            return p.gradientValue(try call.engine { try EngineBridge.numericGradient(p.function, at: p.point, step: step, scheme: scheme) })
        },
        Builtin("hessian", usage: "hessian(f, at)") { call throws(LanguageError) in
            try call.expect(2)
            let p = try call.problem()
            let h = try call.engine { try EngineBridge.hessian(p.function, at: p.point) }
            if p.isScalar && h.count == 1 { return .number(h[0][0]) }
            return .tensor(TensorValue(shape: [h.count, h.count], elements: h.flatMap { $0 }))
        },
        Builtin("jacobian", usage: "jacobian(f, at)  # f(x, y) = [f1, f2, …]") { call throws(LanguageError) in
            try call.expect(2)
            guard case .function(let function) = call.positional[0] else {
                throw call.error("the first argument must be a function returning a list, got a \(call.positional[0].typeName)")
            }
            let f = UserVectorFunction(function: function, interpreter: call.interpreter, location: call.location)
            guard let tensor = call.positional[1].asTensor, tensor.rank <= 1, tensor.count == function.parameters.count else {
                throw call.error("at must have one number per parameter (\(function.parameters.joined(separator: ", ")))", at: call.location(of: 1))
            }
            let point = tensor.elements
            let j = try call.engine { try EngineBridge.jacobian(f, at: point) }
            return .tensor(TensorValue(shape: [j.count, point.count], elements: j.flatMap { $0 }))
        },
        Builtin("gradtable", usage: "gradtable(f, at, rtol: 1e-6, atol: 1e-9)") { call throws(LanguageError) in
            try call.expect(2, labels: ["rtol", "atol"])
            let comparison = try GradientComparison(call)
            let table = comparison.table
            let passed = comparison.passed
            call.record(.gradtable, passed: passed, message: comparison.summary)
            if !passed {
                call.emit(.table(table))
                throw call.error("gradient methods disagree for \(comparison.failingInputs.joined(separator: ", ")) (rtol \(NumberFormat.format(comparison.rtol)), atol \(NumberFormat.format(comparison.atol)))",
                                 hint: "check the function for kinks or nan near the point, or loosen rtol:/atol:")
            }
            return .display(.table(table))
        },
        Builtin("gradcheck", usage: "gradcheck(f, at, rtol: 1e-6, atol: 1e-9)") { call throws(LanguageError) in
            try call.expect(2, labels: ["rtol", "atol"])
            let comparison = try GradientComparison(call)
            call.record(.gradcheck, passed: comparison.passed, message: comparison.summary)
            return .bool(comparison.passed)
        },
        Builtin("hsweep", usage: "hsweep(f, at, scheme: \"central\")") { call throws(LanguageError) in
            try call.expect(2, labels: ["scheme"])
            let p = try call.problem()
            let scheme = try call.scheme(default: "central")
            let sweep = try call.engine { try EngineBridge.hSweep(p.function, at: p.point, scheme: scheme) }
            let shown = sweep.points.filter { $0.error > 0 && $0.error.isFinite }
            let name = scheme == .complexStep ? "complex" : scheme.rawValue
            var markers: [PlotSpec.Marker] = []
            if sweep.bestStep.isFinite { markers.append(PlotSpec.Marker(x: sweep.bestStep, label: "best h = \(NumberFormat.format(sweep.bestStep))")) }
            let plot = PlotSpec(title: "h-sweep of \(call.functionName(0)) (\(name))", xLabel: "h", yLabel: "error",
                                xScale: .log, yScale: .log,
                                series: [PlotSpec.Series(name: name, xs: shown.map(\.step), ys: shown.map(\.error))],
                                markers: markers)
            return .record(RecordValue(fields: [
                ("best", .number(sweep.bestStep)),
                ("error", .number(sweep.bestError)),
                ("steps", .tensor(TensorValue(sweep.points.map(\.step)))),
                ("errors", .tensor(TensorValue(sweep.points.map(\.error)))),
                ("plot", .display(.plot(plot))),
            ], display: .plot(plot)))
        },
    ]
}
