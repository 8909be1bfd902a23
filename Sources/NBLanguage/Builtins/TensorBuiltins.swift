import NBLearning

/// Tensor constructors, shape functions and reductions (SPEC §4).
public enum TensorBuiltins {
    /// `zeros(2, 3)`: the shape as one whole number per axis.
    static let dimensions = BuiltinParameter.variadic("dims", .wholeNumber, "the size of each axis")
    /// `zeros([2, 3])`: the shape as one list.
    static let shape = BuiltinParameter.positional("shape", .list, "the sizes of the axes, as a list")
    /// The `seed:` of the random constructors.
    static let seed = BuiltinParameter.labelled("seed", .wholeNumber, shown: "the notebook's stream",
                                                "the generator's seed; without it, the stream seeded by the front matter's `nb: seed:`")

    public static let all: [Builtin] = [
        Builtin("zeros", .tensors,
            summary: "A tensor of the given shape filled with 0.",
            parameters: [dimensions], alternatives: [[shape]],
            examples: [
                BuiltinExample("zeros-ones", #"""
                zeros(2, 3)
                """#, output: #"""
                [[0, 0, 0], [0, 0, 0]]
                """#),
            ]) { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            return .tensor(Tensor<Double>(validShape: shape, scalars: Array(repeating: 0, count: shape.reduce(1, *))))
        },
        Builtin("ones", .tensors,
            summary: "A tensor of the given shape filled with 1.",
            parameters: [dimensions], alternatives: [[shape]],
            examples: [
                BuiltinExample("ones", #"""
                ones([3])
                """#, output: #"""
                [1, 1, 1]
                """#),
            ]) { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            return .tensor(Tensor<Double>(validShape: shape, scalars: Array(repeating: 1, count: shape.reduce(1, *))))
        },
        Builtin("randn", .tensors,
            summary: "A tensor of standard normal samples.",
            parameters: [dimensions, seed], alternatives: [[shape]],
            examples: [
                BuiltinExample("random", #"""
                randn(2, 2, seed: 1)
                """#, output: #"""
                [[-0.8327414345, -0.10752149], [-0.8173209811, 0.6647329692]]
                """#),
            ]) { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            let seed = try call.optionalInteger(label: "seed")
            let elements = call.withGenerator(seed: seed) { g in (0..<shape.reduce(1, *)).map { _ in g.nextNormal() } }
            return .tensor(Tensor<Double>(validShape: shape, scalars: elements))
        },
        Builtin("rand", .tensors,
            summary: "A tensor of samples uniform in [0, 1).",
            parameters: [dimensions, seed], alternatives: [[shape]],
            examples: [
                BuiltinExample("rand", #"""
                rand(3, seed: 1)
                """#, output: #"""
                [0.7029218332, 0.5204366199, 0.5741057]
                """#),
            ]) { call throws(LanguageError) in
            let shape = try shapeArguments(call)
            let seed = try call.optionalInteger(label: "seed")
            let elements = call.withGenerator(seed: seed) { g in (0..<shape.reduce(1, *)).map { _ in g.nextUniform() } }
            return .tensor(Tensor<Double>(validShape: shape, scalars: elements))
        },
        Builtin("linspace", .tensors,
            summary: "`count` evenly spaced numbers from `start` to `stop`, both included.",
            parameters: [.positional("start", .number), .positional("stop", .number), .positional("count", .wholeNumber)],
            examples: [
                BuiltinExample("linspace", #"""
                linspace(0, 1, 5)
                """#, output: #"""
                [0, 0.25, 0.5, 0.75, 1]
                """#),
            ]) { call throws(LanguageError) in
            let a = try call.number(0, "start"), b = try call.number(1, "stop")
            let n = try call.integer(2, "count")
            guard n >= 0 else { throw call.error("count must not be negative") }
            try call.checkElements([n])
            let step = n > 1 ? (b - a) / Double(n - 1) : 0
            return .tensor(Tensor<Double>((0..<n).map { i in i == n - 1 && n > 1 ? b : a + Double(i) * step }))
        },
        Builtin("shape", .tensors,
            summary: "The shape of a tensor, as a vector (a number's shape is `[]`).",
            parameters: [.positional("t", .tensor)],
            examples: [
                BuiltinExample("shape", #"""
                shape(zeros(2, 3, 4))
                """#, output: #"""
                [2, 3, 4]
                """#),
            ]) { call throws(LanguageError) in
            return .tensor(Tensor<Double>(try call.tensor(0, "t").shape.map(Double.init)))
        },
        Builtin("sum", .tensors,
            summary: "The sum of all elements, or along one axis with `axis:`.",
            parameters: [.positional("t", .tensor), .labelled("axis", .wholeNumber, shown: "every element")],
            examples: [
                BuiltinExample("sum-mean", #"""
                M = [[1, 2], [3, 4]]
                sum(M)
                sum(M, axis: 0)
                """#, output: #"""
                10
                [4, 6]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try axis.map { try t.sum(axis: $0) } ?? t.sum() }
            }
        },
        Builtin("mean", .tensors,
            summary: "The mean of all elements, or along one axis with `axis:`.",
            parameters: [.positional("t", .tensor), .labelled("axis", .wholeNumber, shown: "every element")],
            examples: [
                BuiltinExample("mean", #"""
                mean(M, axis: 1)
                """#, output: #"""
                [1.5, 3.5]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try axis.map { try t.mean(axis: $0) } ?? t.mean() }
            }
        },
        Builtin("logsumexp", .tensors,
            summary: "log Σ exp of all elements, or along one axis with `axis:`, without overflow.",
            parameters: [.positional("t", .tensor), .labelled("axis", .wholeNumber, shown: "every element")],
            discussion: #"""
            Computed as m + log Σ exp(t − m) with m the maximum.

            Differentiable (its gradient is the softmax).
            """#,
            examples: [
                BuiltinExample("logsumexp", #"""
                logsumexp([1000, 1000])
                logsumexp([[0, 0], [1, 2]], axis: 1)
                grad(z -> logsumexp(z), [0, 0])
                """#, output: #"""
                1000.693147
                [0.6931471806, 2.313261688]
                [0.5, 0.5]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching {
                    try axis.map { try t.logSumExp(axis: $0) } ?? t.reshaped([t.count]).logSumExp(axis: 0)
                }
            }
        },
        Builtin("transpose", .tensors,
            summary: "The transpose of a matrix; for higher ranks the axes are reversed.",
            parameters: [.positional("t", .tensor)],
            examples: [
                BuiltinExample("transpose", #"""
                transpose([[1, 2, 3], [4, 5, 6]])
                """#, output: #"""
                [[1, 4], [2, 5], [3, 6]]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "t")
            // NumPy's transpose: the axes reversed.
            return try reduce(call, t) { () throws(TensorError) in try TensorError.catching { try t.permuted(t.shape.indices.reversed()) } }
        },
        Builtin("reshape", .tensors,
            summary: "The same elements in a new shape; one dimension may be `-1` (inferred).",
            parameters: [.positional("t", .tensor), .variadic("dims", .wholeNumber, atLeastOne: true)],
            alternatives: [[.positional("t", .tensor), .positional("shape", .list)]],
            examples: [
                BuiltinExample("reshape", #"""
                reshape(1...6, 2, 3)
                reshape([1, 2, 3, 4], [-1, 2])
                """#, output: #"""
                [[1, 2, 3], [4, 5, 6]]
                [[1, 2], [3, 4]]
                """#),
            ]) { call throws(LanguageError) in
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
        Builtin("argmax", .tensors,
            summary: "The index of the largest element (of the flattened tensor), or along an axis (a negative axis counts from the end). At a tie the first index wins; a nan counts as the largest, as in NumPy.",
            parameters: [.positional("t", .tensor), .labelled("axis", .wholeNumber, shown: "the flattened tensor")],
            examples: [
                BuiltinExample("argmax", #"""
                argmax([3, 9, 2])
                argmax([[1, 5], [7, 2]], axis: 1)
                """#, output: #"""
                1
                [1, 0]
                """#),
            ]) { call throws(LanguageError) in
            let t = try call.tensor(0, "t")
            return try reduce(call, t) { () throws(TensorError) in
                let axis = try axis(call)
                return try TensorError.catching { try t.indicesOfMaximum(axis: axis) }
            }
        },
        Builtin("onehot", .tensors,
            summary: "One row per label with a 1 in the label's column.",
            parameters: [.positional("labels", .tensor), .positional("classes", .wholeNumber)],
            examples: [
                BuiltinExample("onehot", #"""
                onehot([0, 2, 1], 3)
                """#, output: #"""
                [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
                """#),
            ]) { call throws(LanguageError) in
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
    private static func shapeArguments(_ call: BuiltinCall) throws(LanguageError) -> [Int] {
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
