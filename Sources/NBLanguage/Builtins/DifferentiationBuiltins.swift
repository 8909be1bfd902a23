import NBLearning
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
        Builtin("grad", usage: "grad(f, at)  # reverse mode; at: a number, [x, y, …], a tensor, or [W1, b1, …]") { call throws(LanguageError) in
            try call.expect(2)
            return try call.interpreter.withCurrentInterpretation(GradientVisitor(call: call, problem: try call.problem(), withValue: false))
        },
        Builtin("valuegrad", usage: "valuegrad(f, at)  # {value, grad} from one reverse sweep") { call throws(LanguageError) in
            try call.expect(2)
            return try call.interpreter.withCurrentInterpretation(GradientVisitor(call: call, problem: try call.problem(), withValue: true))
        },
        Builtin("jvp", usage: "jvp(f, at, v)  # forward mode ∇f(at)·v") { call throws(LanguageError) in
            try call.expect(3)
            return try call.interpreter.withCurrentInterpretation(JVPVisitor(call: call, problem: try call.problem()))
        },
        Builtin("numgrad", usage: "numgrad(f, at, h: 1e-5, scheme: \"central\")  # or \"forward\", \"complex\"") { call throws(LanguageError) in
            try call.expect(2, labels: ["h", "scheme"])
            let p = try call.problem()
            let point = try call.plainPoint(p)
            let step = try call.optionalNumber(label: "h")
            let scheme = try call.scheme(default: "central")
            let g = try call.engine { try EngineBridge.numericGradient(p.function, at: point, step: step, scheme: scheme) }
            return try p.pack(g, limit: call.budget, at: call.location)
        },
        Builtin("hessian", usage: "hessian(f, at)") { call throws(LanguageError) in
            try call.expect(2)
            return try call.interpreter.withCurrentInterpretation(HessianVisitor(call: call, problem: try call.problem()))
        },
        Builtin("jacobian", usage: "jacobian(f, at)  # f(x, y) = [f1, f2, …]") { call throws(LanguageError) in
            try call.expect(2)
            return try call.interpreter.withCurrentInterpretation(JacobianVisitor(call: call, problem: try call.problem()))
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
