import NBLearning
import NBAutodiff

/// `derivative`, `grad`, `jvp`, `numgrad`, `hessian`, `jacobian`, `gradtable`, `gradcheck`, `hsweep`.
public enum DifferentiationBuiltins {
    /// `gradtable` and `gradcheck`: a function, a point and the tolerances of the comparison.
    static let comparisonParameters: [BuiltinParameter] = [
        .positional("f", .function),
        .positional("at", .point),
        .labelled("rtol", .number, shown: "the notebook's rtol (1e-6)", "largest relative disagreement"),
        .labelled("atol", .number, shown: "the notebook's atol (1e-9)", "largest absolute disagreement"),
    ]

    public static let all: [Builtin] = [
        Builtin("derivative", .differentiation,
            summary: "The symbolic derivative, simplified, with respect to the only parameter or the named one: a [symbolic function](#functions-and-symbolic-functions).",
            parameters: [.positional("f", .function), .optional("parameter", .string)],
            discussion: #"""
            `f` may be a function, a lambda, a symbolic function or an elementary builtin. An `if` on the variable becomes a piecewise formula, typeset as cases; a loop whose number of steps depends on the variable, recursion on it or branches that give strings stop with an error naming the construct (see [Branches](#branches-follow-the-values)).
            """#,
            examples: [
                BuiltinExample("derivative", #"""
                derivative(x -> x^2 * sin(x))
                derivative(g, "y")
                derivative(tanh)
                """#, output: #"""
                x -> 2*x*sin(x) + x^2*cos(x)
                ∂g/∂y(x, y) = x
                tanh'(x) = 1 - tanh(x)^2
                """#),
                BuiltinExample("derivative-piecewise", #"""
                smoothstep(x) = if x < 0 { 0 } else if x > 1 { 1 } else { 3*x^2 - 2*x^3 }
                derivative(smoothstep)
                derivative(smoothstep)(0.5)
                """#, output: #"""
                smoothstep'(x) = if x < 0 { 0 } else if x > 1 { 0 } else { 6*x - 6*x^2 }
                1.5
                """#),
            ]) { call throws(LanguageError) in
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
        Builtin("grad", .differentiation,
            summary: "The gradient by reverse mode (one backward sweep over a tape); the forms of `at` are [above](#the-point-at).",
            parameters: [.positional("f", .function), .positional("at", .point)],
            examples: [
                BuiltinExample("grad", #"""
                grad(g, [1, 2])
                """#, output: #"""
                [2.540302306, 1]
                """#),
            ]) { call throws(LanguageError) in
            return try call.interpreter.withCurrentInterpretation(GradientVisitor(call: call, problem: try call.problem(), withValue: false))
        },
        Builtin("valuegrad", .differentiation,
            summary: "The value and the gradient from one sweep, as a record `{value, grad}`.",
            parameters: [.positional("f", .function), .positional("at", .point)],
            examples: [
                BuiltinExample("valuegrad", #"""
                valuegrad(g, [1, 2])
                """#, output: #"""
                (value: 2.841470985, grad: [2.540302306, 1])
                """#),
            ]) { call throws(LanguageError) in
            return try call.interpreter.withCurrentInterpretation(GradientVisitor(call: call, problem: try call.problem(), withValue: true))
        },
        Builtin("jvp", .differentiation,
            summary: "The directional derivative ∇f(at)·v by forward mode (dual numbers); `v` has one number per number of the point (or the structure of `at`).",
            parameters: [.positional("f", .function), .positional("at", .point), .positional("v", .point)],
            examples: [
                BuiltinExample("jvp", #"""
                jvp(g, [1, 2], [1, 0])
                jvp(g, [1, 2], [0, 1])
                """#, output: #"""
                2.540302306
                1
                """#),
            ]) { call throws(LanguageError) in
            return try call.interpreter.withCurrentInterpretation(JVPVisitor(call: call, problem: try call.problem()))
        },
        Builtin("numgrad", .differentiation,
            summary: "The gradient by finite differences: `\"central\"`, `\"forward\"` or `\"complex\"` step.",
            parameters: [
                .positional("f", .function),
                .positional("at", .point),
                .labelled("h", .number, shown: "∛ε·max(1, |x|) per coordinate"),
                .labelled("scheme", .string, default: "central"),
            ],
            discussion: #"""
            The complex step is exact to rounding for analytic functions.

            `h:` sets the step for every coordinate; by default each coordinate x gets ∛ε·max(1, |x|) (central), √ε·max(1, |x|) (forward) or 1e-20·max(1, |x|) (complex), ε being the machine epsilon.
            """#,
            examples: [
                BuiltinExample("numgrad", #"""
                numgrad(f, [2])
                numgrad(f, [2], scheme: "forward")
                numgrad(f, [2], h: 0.1, scheme: "forward")
                numgrad(f, [2], scheme: "complex")
                """#, output: #"""
                [14]
                [14.00000018]
                [14.61]
                [14]
                """#),
            ]) { call throws(LanguageError) in
            let p = try call.problem()
            let point = try call.plainPoint(p)
            let step = try call.optionalNumber(label: "h")
            let scheme = try call.scheme(default: "central")
            let g = try call.engine { try EngineBridge.numericGradient(p.function, at: point, step: step, scheme: scheme) }
            return try p.pack(g, limit: call.budget, at: call.location)
        },
        Builtin("hessian", .differentiation,
            summary: "The matrix of second derivatives (forward over reverse); a number for a function of one number.",
            parameters: [.positional("f", .function), .positional("at", .point)],
            examples: [
                BuiltinExample("hessian", #"""
                hessian(g, [1, 2])
                hessian(f, 2)
                """#, output: #"""
                [[-0.8414709848, 1], [1, 0]]
                12
                """#),
            ]) { call throws(LanguageError) in
            return try call.interpreter.withCurrentInterpretation(HessianVisitor(call: call, problem: try call.problem()))
        },
        Builtin("jacobian", .differentiation,
            summary: "The Jacobian of a function that returns a vector: one row per output, one column per input.",
            parameters: [.positional("f", .function), .positional("at", .point)],
            examples: [
                BuiltinExample("jacobian", #"""
                F(x, y) = [x*y, x + y, x^2]
                jacobian(F, [2, 3])
                """#, output: #"""
                [[3, 2], [1, 1], [4, 0]]
                """#),
            ]) { call throws(LanguageError) in
            return try call.interpreter.withCurrentInterpretation(JacobianVisitor(call: call, problem: try call.problem()))
        },
        Builtin("gradtable", .differentiation,
            summary: "The gradient by every method side by side, one row per input, with ✓/✗.",
            parameters: comparisonParameters,
            discussion: #"""
            The columns are symbolic, forward, reverse, numeric (central differences) and the largest relative disagreement.

            A ✗ fails the cell with an error naming the inputs that disagree. Tolerances default to the front matter's `nb: rtol:`/`atol:`. The cell counts as a test.

            Near a kink the methods disagree. This is what a failing table looks like (not run here: a failed
            `gradtable` fails `nb test` even in a cell marked `error=true`):

            ```text
            kink(x) = abs(x)
            gradtable(kink, [1e-7])

            input  symbolic  forward  reverse  numeric        max rel. diff
            -----  --------  -------  -------  -------------  -------------  -
            x      1         1        1        0.01651403719  0.983          ✗
            error: gradtable: gradient methods disagree for x (rtol 1e-6, atol 1e-9) (line 2)
            ```
            """#,
            examples: [
                BuiltinExample("gradtable", #"""
                gradtable(g, [1, 2])
                """#, output: #"""
                input  symbolic     forward      reverse      numeric      max rel. diff
                -----  -----------  -----------  -----------  -----------  -------------  -
                x      2.540302306  2.540302306  2.540302306  2.540302306  6.07e-12       ✓
                y      1            1            1            1            9.17e-12       ✓
                """#),
            ]) { call throws(LanguageError) in
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
        Builtin("gradcheck", .differentiation,
            summary: "True when every method agrees (the same comparison as `gradtable`, without the table).",
            parameters: comparisonParameters,
            discussion: #"""
            The cell counts as a test, and a false result fails it.
            """#,
            examples: [
                BuiltinExample("gradcheck", #"""
                gradcheck(g, [1, 2])
                """#, output: #"""
                true
                """#),
            ]) { call throws(LanguageError) in
            let comparison = try GradientComparison(call)
            call.record(.gradcheck, passed: comparison.passed, message: comparison.summary)
            return .bool(comparison.passed)
        },
        Builtin("hsweep", .differentiation,
            summary: "The error of finite differences against the exact derivative for steps h from 1e-16 to 1.",
            parameters: [.positional("f", .function), .positional("at", .point), .labelled("scheme", .string, default: "central")],
            discussion: #"""
            A log-log plot and a record `{best, error, steps, errors, plot}`.
            """#,
            examples: [
                BuiltinExample("hsweep", #"""
                sweep = hsweep(exp, [1], scheme: "forward")
                sweep
                sweep.best < 1e-6 && sweep.best > 1e-10
                """#, output: #"""
                <plot: h-sweep of exp (forward), 1 series, 64 points>
                  series "forward": 64 points, x from 1.77827941e-16 to 1, y from 9.469792062e-9 to 1.952492442
                    x  1.77827941e-16  3.16227766e-14  5.623413252e-12  1e-9  1.77827941e-7  3.16227766e-5  0.005623413252  1
                    y  1.281718172  2.803069588e-5  3.136746609e-5  9.469792062e-9  2.417756666e-7  4.298026963e-5  0.007657357795  1.952492442
                  marker "best h = 5.623413252e-9" at x 5.623413252e-9
                true
                """#),
            ]) { call throws(LanguageError) in
            let p = try call.problem()
            let point = try call.plainPoint(p)
            let scheme = try call.scheme(default: "central")
            let sweep = try call.engine { try EngineBridge.hSweep(p.function, at: point, scheme: scheme) }
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
                ("steps", .tensor(Tensor<Double>(sweep.points.map(\.step)))),
                ("errors", .tensor(Tensor<Double>(sweep.points.map(\.error)))),
                ("plot", .display(.plot(plot))),
            ], display: .plot(plot)))
        },
    ]
}

extension BuiltinCall {
    /// The point as plain numbers, for methods that do not nest inside another differentiation.
    func plainPoint(_ problem: DifferentiationProblem) throws(LanguageError) -> [Double] {
        guard interpreter.interpretations.isEmpty, let point = problem.plainPoint else {
            throw error("\(builtin.name) cannot run inside a function that is being differentiated",
                        hint: "grad, valuegrad, jvp, hessian and jacobian can be nested; numeric methods and tables cannot")
        }
        return point
    }

    /// The point as numbers of the current interpretation.
    func point<B: DifferentiableScalar>(_ problem: DifferentiationProblem, _ type: B.Type) throws(LanguageError) -> [B] {
        guard let point = problem.point(B.self) else {
            throw error("the point mixes values of differentiations that cannot be combined", at: location(of: 1))
        }
        return point
    }
}

/// `grad` and `valuegrad`: one reverse sweep in the current interpretation.
private struct GradientVisitor: InterpretationVisitor {
    let call: BuiltinCall
    let problem: DifferentiationProblem
    let withValue: Bool

    func visit<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> Value {
        let (value, packed) = try valueAndGradient(B.self)
        guard withValue else { return packed }
        return .record(RecordValue(fields: [("value", value), ("grad", packed)]))
    }

    /// Functions of tensors go to the tensor tape (whole-tensor records, the kernels `train`
    /// uses) when no other differentiation is running; if the body does something the tensor
    /// tape cannot record (a nested differentiation, a symbolic function), it runs again on the
    /// scalar tape, which records every number and accepts everything.
    private func valueAndGradient<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> (Value, Value) {
        let interpreter = call.interpreter
        if B.self == Double.self, problem.hasTensorParameter {
            let (items, generator) = (interpreter.items.count, interpreter.generator)
            do {
                return try problem.tapeValueAndGradient(interpreter: interpreter, limit: call.budget, at: call.location)
            } catch where error.kind != .limit {
                interpreter.items.removeSubrange(items...)
                interpreter.generator = generator
            }
        }
        let point = try call.point(problem, B.self)
        let (value, gradient) = try call.engine { try EngineBridge.valueAndGradient(problem.function, at: point) }
        return (TracedTensor(value).value, try problem.pack(gradient, limit: call.budget, at: call.location))
    }
}

/// `jvp`: one forward sweep on dual numbers over the current interpretation.
private struct JVPVisitor: InterpretationVisitor {
    let call: BuiltinCall
    let problem: DifferentiationProblem

    func visit<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> Value {
        let point = try call.point(problem, B.self)
        guard let direction = problem.vector(call.positional[2], B.self) else {
            throw call.error("the direction v must have \(problem.count) number\(problem.count == 1 ? "" : "s"), like the point",
                             at: call.location(of: 2))
        }
        return TracedTensor(try call.engine { try EngineBridge.jvp(problem.function, at: point, direction: direction) }).value
    }
}

/// `hessian`: forward over reverse in the current interpretation.
private struct HessianVisitor: InterpretationVisitor {
    let call: BuiltinCall
    let problem: DifferentiationProblem

    func visit<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> Value {
        let point = try call.point(problem, B.self)
        let h = try call.engine { try EngineBridge.hessian(problem.function, at: point) }
        if problem.isScalar && h.count == 1 { return TracedTensor(h[0][0]).value }
        return TracedTensor(shape: [h.count, h.count], elements: h.flatMap { $0 }).value
    }
}

/// `jacobian`: one reverse sweep per output in the current interpretation.
private struct JacobianVisitor: InterpretationVisitor {
    let call: BuiltinCall
    let problem: DifferentiationProblem

    func visit<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> Value {
        let point = try call.point(problem, B.self)
        let j = try call.engine { try EngineBridge.jacobian(problem.function, at: point) }
        return TracedTensor(shape: [j.count, point.count], elements: j.flatMap { $0 }).value
    }
}
