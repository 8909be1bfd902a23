import NBLearning
import NBAutodiff

extension TracedTensor: TracedStorage {
    var count: Int { elements.count }
    var scalars: [any DifferentiableScalar] { elements }

    var primal: Tensor<Double>? {
        var numbers: [Double] = []
        numbers.reserveCapacity(elements.count)
        for element in elements {
            guard let x = element.primalValue else { return nil }
            numbers.append(x)
        }
        return Tensor<Double>(validShape: shape, scalars: numbers)
    }

    func combine(_ op: BinaryOperator, _ other: Value, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = TracedTensor.lift(other) else { return nil }
        let (a, b) = tracedOnLeft ? (self, o) : (o, self)
        if op == .matmul { return try TracedTensor.matmul(a, b, limit: limit).value }
        let operation: (S, S) -> S
        switch op {
        case .add: operation = (+)
        case .subtract: operation = (-)
        case .multiply: operation = (*)
        case .divide: operation = (/)
        case .power: operation = S.power
        default: throw TensorError.invalidArgument("'\(op.rawValue)' cannot be applied to values that are differentiated")
        }
        let (shape, out) = try Broadcasting.zip(a.shape, a.elements, b.shape, b.elements, budget: limit, operation)
        return TracedTensor(shape: shape, elements: out).value
    }

    func extremum(_ other: Value, largest: Bool, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = TracedTensor.lift(other) else { return nil }
        let (a, b) = tracedOnLeft ? (self, o) : (o, self)
        let pick: (S, S) -> S = largest ? S.maximumPropagatingNaN : S.minimumPropagatingNaN
        let (shape, out) = try Broadcasting.zip(a.shape, a.elements, b.shape, b.elements, budget: limit, pick)
        return TracedTensor(shape: shape, elements: out).value
    }

    func negated() -> Value { TracedTensor(shape: shape, elements: elements.map { -$0 }).value }

    func applying(_ function: ElementaryFunction) -> Value {
        TracedTensor(shape: shape, elements: elements.map { S.apply(function, $0) }).value
    }

    func reduced(mean: Bool, axis: Int?) throws(TensorError) -> Value {
        guard let axis else {
            guard let first = elements.first else { return TracedTensor(S(mean ? .nan : 0)).value }
            let total = elements.dropFirst().reduce(first, +)
            return TracedTensor(mean ? total / S(Double(elements.count)) : total).value
        }
        let (outer, extent, inner, newShape) = try split(axis)
        var out: [S] = []
        out.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var total = S(0)
                for k in 0..<extent { total = k == 0 ? elements[(o * extent) * inner + i] : total + elements[(o * extent + k) * inner + i] }
                out.append(mean ? total / S(Double(extent)) : total)
            }
        }
        return TracedTensor(shape: newShape, elements: out).value
    }

    func extreme(largest: Bool) throws(TensorError) -> Value {
        guard let first = elements.first else { throw TensorError.invalidArgument("of an empty tensor") }
        let pick: (S, S) -> S = largest ? S.maximumPropagatingNaN : S.minimumPropagatingNaN
        return TracedTensor(elements.dropFirst().reduce(first, pick)).value
    }

    func indexed(_ indices: [Int]) throws(TensorError) -> Value {
        let (offset, rest, size) = try Broadcasting.part(at: indices, of: shape)
        return TracedTensor(shape: rest, elements: Array(elements[offset..<offset + size])).value
    }

    func transposed() throws(TensorError) -> Value {
        guard shape.count == 2 else {
            if shape.count < 2 { return value }
            throw TensorError.invalidArgument("transpose needs a matrix, got shape \(TensorError.format(shape))")
        }
        let (m, n) = (shape[0], shape[1])
        var out: [S] = []
        out.reserveCapacity(m * n)
        for j in 0..<n { for i in 0..<m { out.append(elements[i * n + j]) } }
        return TracedTensor(shape: [n, m], elements: out).value
    }

    func reshaped(_ newShape: [Int]) -> Value { TracedTensor(shape: newShape, elements: elements).value }

    func logSumExp(axis: Int?) throws(TensorError) -> Value {
        guard let axis else {
            guard !elements.isEmpty else { return TracedTensor(S(-Double.infinity)).value }
            return TracedTensor(Self.logSumExp(elements)).value
        }
        let (outer, extent, inner, newShape) = try split(axis)
        var out: [S] = []
        out.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner { out.append(Self.logSumExp((0..<extent).map { elements[(o * extent + $0) * inner + i] })) }
        }
        return TracedTensor(shape: newShape, elements: out).value
    }

    /// `m + log Σ exp(x − m)` with `m` the largest primal value (a constant shift: exact, and
    /// no overflow).
    private static func logSumExp(_ xs: [S]) -> S {
        let m = S(xs.compactMap(\.primalValue).max() ?? 0)
        let total = xs.dropFirst().reduce(S.apply(.exp, xs[0] - m)) { $0 + S.apply(.exp, $1 - m) }
        return m + S.apply(.log, total)
    }

    /// The extents before, along and after `axis`, and the shape without it.
    private func split(_ axis: Int) throws(TensorError) -> (Int, Int, Int, [Int]) {
        let rank = shape.count
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else { throw TensorError.axisOutOfRange(axis: axis, rank: rank) }
        var newShape = shape
        newShape.remove(at: a)
        return (shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *), newShape)
    }

    func gathering(_ rows: [Int]) throws(TensorError) -> Value {
        guard let extent = shape.first else { throw TensorError.rankMismatch(operation: "picking rows", expected: "rank ≥ 1", shape: shape) }
        let size = shape.dropFirst().reduce(1, *)
        var out: [S] = []
        out.reserveCapacity(rows.count * size)
        for r in rows {
            guard r >= 0, r < extent else { throw TensorError.indexOutOfRange(index: r, axis: 0, size: extent) }
            let start = r * size
            out.append(contentsOf: elements[start..<start + size])
        }
        return TracedTensor(shape: [rows.count] + shape.dropFirst(), elements: out).value
    }

    func stacking(_ values: [Value], limit: Budget) throws(TensorError) -> Value? {
        var parts: [TracedTensor] = []
        parts.reserveCapacity(values.count)
        for value in values {
            guard let part = TracedTensor.lift(value) else { return nil }
            parts.append(part)
        }
        let shape = parts[0].shape
        guard parts.allSatisfy({ $0.shape == shape }) else { return .list(values) }
        try limit.check([parts.count] + shape)
        return TracedTensor(shape: [parts.count] + shape, elements: parts.flatMap(\.elements)).value
    }

    func calling(_ function: SymbolicFunction, _ arguments: [Value]) throws -> Value? {
        var scalars: [S] = []
        for argument in arguments {
            guard let t = TracedTensor.lift(argument) else { return nil }
            guard t.count == 1 else { throw TensorError.invalidArgument("\(function.name) takes numbers, got a tensor") }
            scalars.append(t.elements[0])
        }
        return TracedTensor(try function.evaluate(scalars)).value
    }

    /// Matrix product of vectors and matrices (1-d · 1-d is a number).
    static func matmul(_ a: TracedTensor, _ b: TracedTensor, limit: Budget) throws(TensorError) -> TracedTensor {
        guard (1...2).contains(a.shape.count), (1...2).contains(b.shape.count) else {
            throw TensorError.invalidArgument("@ needs vectors or matrices, got shapes \(TensorError.format(a.shape)) and \(TensorError.format(b.shape))")
        }
        let (m, k) = a.shape.count == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let (k2, n) = b.shape.count == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
        guard k == k2 else {
            throw TensorError.invalidArgument("@ needs matching inner dimensions, got shapes \(TensorError.format(a.shape)) and \(TensorError.format(b.shape))")
        }
        var shape: [Int] = []
        if a.shape.count == 2 { shape.append(m) }
        if b.shape.count == 2 { shape.append(n) }
        try limit.check(shape)
        var out: [S] = []
        out.reserveCapacity(m * n)
        for i in 0..<m {
            try limit.checkDeadline()
            for j in 0..<n {
                var total = S(0)
                for p in 0..<k { total = p == 0 ? a.elements[i * k] * b.elements[j] : total + a.elements[i * k + p] * b.elements[p * n + j] }
                out.append(total)
            }
        }
        return TracedTensor(shape: shape, elements: out)
    }
}
