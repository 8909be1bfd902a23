import NBAutodiff
import NBLearning

/// A tensor recorded on NBLearning's tensor tape: the interpretation `grad` and `valuegrad` use
/// for functions of tensors, so a loss written in a cell runs the same kernels as `train` (BLAS
/// products, the worker team, vectorised elementwise loops) and is differentiated by one
/// backward sweep over whole-tensor operations instead of one record per number.
struct TapeTensor: TracedStorage {
    let tracked: TrackedTensor<Double>

    var shape: [Int] { tracked.shape }
    var count: Int { tracked.value.count }
    /// Not liftable into the scalar interpretations (a tape tensor never nests inside them).
    var scalars: [any DifferentiableScalar] { [] }
    var primal: Tensor<Double>? { tracked.value }

    var value: Value { .traced(TracedBox(self)) }

    /// `value` on this tensor's tape: itself, or a constant; nil for anything that is not numbers.
    func lift(_ value: Value) -> TrackedTensor<Double>? {
        switch value {
        case .traced(let box):
            guard let other = box.storage as? TapeTensor, other.tracked.tape === tracked.tape else { return nil }
            return other.tracked
        case .number, .tensor, .range, .bool:
            guard let tensor = value.asTensor else { return nil }
            return tracked.tape.constant(tensor)
        default:
            return nil
        }
    }

    /// Runs a tape operation, turning the learning library's errors into the language's.
    private func record(_ body: () throws -> TrackedTensor<Double>) throws(TensorError) -> Value {
        TapeTensor(tracked: try TensorError.catching(body)).value
    }

    func combine(_ op: BinaryOperator, _ other: Value, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = lift(other) else { return nil }
        let (a, b) = tracedOnLeft ? (tracked, o) : (o, tracked)
        try limit.checkDeadline()
        switch op {
        case .add: return try record { try a + b }
        case .subtract: return try record { try a - b }
        case .multiply: return try record { try a * b }
        case .divide: return try record { try a / b }
        case .power:
            // A constant number exponent is the common case (x^2) and has its own kernel.
            if !tracedOnLeft || b.value.count != 1 || isVariable(b) { return try record { try a.power(b) } }
            let exponent = b.value.scalars[0]
            return try record { try a.power(exponent) }
        case .matmul:
            guard (1...2).contains(a.shape.count), (1...2).contains(b.shape.count) else {
                throw TensorError.invalidArgument("@ needs vectors or matrices, got shapes \(TensorError.format(a.shape)) and \(TensorError.format(b.shape))")
            }
            return try record {
                let left = a.shape.count == 1 ? try a.reshaped([1, a.shape[0]]) : a
                let right = b.shape.count == 1 ? try b.reshaped([b.shape[0], 1]) : b
                var product = try left.matmul(right)
                var outShape: [Int] = []
                if a.shape.count == 2 { outShape.append(a.shape[0]) }
                if b.shape.count == 2 { outShape.append(b.shape[1]) }
                if outShape != product.shape { product = try product.reshaped(outShape) }
                return product
            }
        default:
            throw TensorError.invalidArgument("'\(op.rawValue)' cannot be applied to values that are differentiated")
        }
    }

    /// Whether `t` depends on a variable of the tape (an exponent that varies needs the general rule).
    private func isVariable(_ t: TrackedTensor<Double>) -> Bool { t.requiresGradient }

    func extremum(_ other: Value, largest: Bool, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = lift(other) else { return nil }
        let (a, b) = tracedOnLeft ? (tracked, o) : (o, tracked)
        return try record { largest ? try a.maximum(b) : try a.minimum(b) }
    }

    func negated() throws(TensorError) -> Value { try record { try -tracked } }

    func applying(_ function: ElementaryFunction) throws(TensorError) -> Value {
        try record { try tracked.apply(.elementary(function)) }
    }

    func reduced(mean: Bool, axis: Int?) throws(TensorError) -> Value {
        try record {
            if let axis { return mean ? try tracked.mean(axis: axis) : try tracked.sum(axis: axis) }
            return mean ? try tracked.mean() : try tracked.sum()
        }
    }

    func extreme(largest: Bool) throws(TensorError) -> Value {
        guard largest else { return try record { try -((-tracked).max()) } }
        return try record { try tracked.max() }
    }

    func logSumExp(axis: Int?) throws(TensorError) -> Value {
        try record {
            guard let axis else { return try tracked.reshaped([tracked.value.count]).logSumExp(axis: 0) }
            return try tracked.logSumExp(axis: axis)
        }
    }

    func indexed(_ indices: [Int]) throws(TensorError) -> Value {
        try record {
            var t = tracked
            for (axis, i) in indices.enumerated() {
                guard let extent = t.shape.first, i >= 0, i < extent else {
                    throw TensorError.indexOutOfRange(index: i, axis: axis, size: t.shape.first ?? 0)
                }
                t = try t.slice(at: i)
            }
            return t
        }
    }

    func gathering(_ rows: [Int]) throws(TensorError) -> Value {
        guard let extent = shape.first else { throw TensorError.rankMismatch(operation: "picking rows", expected: "rank ≥ 1", shape: shape) }
        if let bad = rows.first(where: { $0 < 0 || $0 >= extent }) { throw TensorError.indexOutOfRange(index: bad, axis: 0, size: extent) }
        return try record { try tracked.gathering(rows) }
    }

    func transposed() throws(TensorError) -> Value {
        if shape.count < 2 { return value }
        return try record { try tracked.transposed() }
    }

    func reshaped(_ newShape: [Int]) throws(TensorError) -> Value { try record { try tracked.reshaped(newShape) } }

    func stacking(_ values: [Value], limit: Budget) throws(TensorError) -> Value? {
        var parts: [TrackedTensor<Double>] = []
        for value in values {
            guard let part = lift(value) else { return nil }
            parts.append(part)
        }
        let shape = parts[0].shape
        guard parts.allSatisfy({ $0.shape == shape }) else { return .list(values) }
        try limit.check([parts.count] + shape)
        return try record { try TrackedTensor.concatenate(parts.map { try $0.reshaped([1] + shape) }, axis: 0) }
    }

    func calling(_ function: SymbolicFunction, _ arguments: [Value]) throws -> Value? { nil }
}
