import NBLearning

/// Tensor constructors, shape functions and reductions (SPEC §4).
public enum TensorBuiltins {
    public static let all: [Builtin] = [
        Builtin("zeros", usage: "zeros(2, 3) or zeros([2, 3])") { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            return .tensor(Tensor<Double>(validShape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *))))
        },
        Builtin("ones", usage: "ones(2, 3) or ones([2, 3])") { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            return .tensor(Tensor<Double>(validShape: shape, scalars: Array(repeating: 1, count: shape.reduce(1, *))))
        },
        Builtin("randn", usage: "randn(2, 3, seed: 1)  # standard normal") { call throws(LanguageError) in
            let shape = try shapeArguments(call, labels: ["seed"])
            let seed = try call.optionalInteger(label: "seed")
            let elements = call.withGenerator(seed: seed) { g in (0..<shape.reduce(1, *)).map { _ in g.nextNormal() } }
            return .tensor(Tensor<Double>(validShape: shape, scalars: elements))
        },
        Builtin("rand", usage: "rand(2, 3, seed: 1)  # uniform in [0, 1)") { call throws(LanguageError) in
            let shape = try shapeArguments(call, labels: ["seed"])
            let seed = try call.optionalInteger(label: "seed")
            let elements = call.withGenerator(seed: seed) { g in (0..<shape.reduce(1, *)).map { _ in g.nextUniform() } }
            return .tensor(Tensor<Double>(validShape: shape, scalars: elements))
        },
        Builtin("linspace", usage: "linspace(start, stop, count)") { call throws(LanguageError) in
            try call.expect(3)
            let a = try call.number(0, "start"), b = try call.number(1, "stop")
            let n = try call.integer(2, "count")
            guard n >= 0 else { throw call.error("count must not be negative") }
            try call.checkElements([n])
            let step = n > 1 ? (b - a) / Double(n - 1) : 0
            return .tensor(Tensor<Double>((0..<n).map { i in i == n - 1 && n > 1 ? b : a + Double(i) * step }))
        },
        Builtin("shape", usage: "shape(t)") { call throws(LanguageError) in
            try call.expect(1)
            return .tensor(Tensor<Double>(try call.tensor(0, "t").shape.map(Double.init)))
        },
        Builtin("sum", usage: "sum(t, axis: 0)") { call throws(LanguageError) in
            try call.expect(1, labels: ["axis"])
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try axis.map { try t.sum(axis: $0) } ?? t.sum() }
            }
        },
        Builtin("mean", usage: "mean(t, axis: 0)") { call throws(LanguageError) in
            try call.expect(1, labels: ["axis"])
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try axis.map { try t.mean(axis: $0) } ?? t.mean() }
            }
        },
        Builtin("logsumexp", usage: "logsumexp(t, axis: 1)  # log Σ exp, shifted by the maximum (no overflow)") { call throws(LanguageError) in
            try call.expect(1, labels: ["axis"])
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching {
                    try axis.map { try t.logSumExp(axis: $0) } ?? t.reshaped([t.count]).logSumExp(axis: 0)
                }
            }
        },
        Builtin("transpose", usage: "transpose(t)") { call throws(LanguageError) in
            try call.expect(1)
            let t = try call.tensor(0, "t")
            // NumPy's transpose: the axes reversed.
            return try reduce(call, t) { () throws(TensorError) in try TensorError.catching { try t.permuted(t.shape.indices.reversed()) } }
        },
        Builtin("reshape", usage: "reshape(t, 2, 3) or reshape(t, [2, -1])") { call throws(LanguageError) in
            try call.expect(2...Int.max)
            let t = try call.tensor(0, "t")
            var shape = try shapeList(call, from: 1, allowInferred: true)
            if let inferred = shape.firstIndex(of: -1) {
                let known = shape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
                guard known > 0, t.count % known == 0 else {
                    throw call.error("cannot reshape \(t.count) elements into \(TensorError.format(shape))")
                }
                shape[inferred] = t.count / known
            }
            guard shape.reduce(1, *) == t.count else {
                throw call.error("cannot reshape shape \(TensorError.format(t.shape)) (\(t.count) elements) into \(TensorError.format(shape))")
            }
            return Value.from(Tensor(validShape: shape, scalars: t.scalars))
        },
        Builtin("argmax", usage: "argmax(t, axis: 1)") { call throws(LanguageError) in
            try call.expect(1, labels: ["axis"])
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try t.indicesOfMaximum(axis: axis) }
            }
        },
        Builtin("onehot", usage: "onehot(labels, classes)") { call throws(LanguageError) in
            try call.expect(2)
            let labels = try call.tensor(0, "labels")
            let classes = try call.integer(1, "classes")
            guard classes > 0 else { throw call.error("classes must be positive") }
            try call.checkElements(labels.shape + [classes])
            var out = [Double](repeating: 0, count: labels.count * classes)
            for (i, label) in labels.scalars.enumerated() {
                guard label == label.rounded(), label >= 0, label < Double(classes) else {
                    throw call.error("label \(NumberFormat.format(label)) is not a class in 0..<\(classes)")
                }
                out[i * classes + Int(label)] = 1
            }
            return .tensor(Tensor<Double>(validShape: labels.shape + [classes], scalars: out))
        },
    ]

    /// Reads an `axis:` label; the error type is TensorError so it can be used inside tensor work.
    private static func axis(_ call: BuiltinCall) throws(TensorError) -> Int? {
        guard let value = call.named["axis"] else { return nil }
        guard case .number(let x) = value, x == x.rounded(), Swift.abs(x) < 1e9 else {
            throw TensorError.invalidArgument("axis: must be a whole number")
        }
        return Int(x)
    }

    private static func reduce(_ call: BuiltinCall, _ t: Tensor<Double>, _ body: () throws(TensorError) -> Tensor<Double>) throws(LanguageError) -> Value {
        do { return Value.from(try body()) } catch { throw call.tensorError(error) }
    }

    /// `f(2, 3)` or `f([2, 3])`, checked against the element limit.
    private static func shapeArguments(_ call: BuiltinCall, labels: Set<String> = []) throws(LanguageError) -> [Int] {
        try call.expect(0...Int.max, labels: labels)
        let shape = try shapeList(call, from: 0, allowInferred: false)
        try call.checkElements(shape)
        return shape
    }

    private static func shapeList(_ call: BuiltinCall, from start: Int, allowInferred: Bool) throws(LanguageError) -> [Int] {
        var dims: [Double] = []
        if call.positional.count == start + 1, case .tensor(let t) = call.positional[start], t.rank == 1 {
            dims = t.scalars
        } else {
            for i in start..<call.positional.count { dims.append(try call.number(i, "a dimension")) }
        }
        var shape: [Int] = []
        for d in dims {
            guard d == d.rounded(), Swift.abs(d) < 1e15, d >= 0 || (allowInferred && d == -1) else {
                throw call.error("dimensions must be whole numbers ≥ 0, got \(NumberFormat.format(d))")
            }
            shape.append(Int(d))
        }
        if allowInferred && shape.filter({ $0 == -1 }).count > 1 {
            throw call.error("only one dimension can be -1")
        }
        return shape
    }
}
