import NBLearning
import NBAutodiff

/// A traced number: the common case of a differentiated program (`y = y * 0.999 + sin(y)`), kept
/// without the arrays a `TracedTensor` carries so that an operation on two of them costs one
/// engine operation and no allocation.
struct TracedScalar<S: DifferentiableScalar>: TracedStorage {
    let scalar: S

    var shape: [Int] { [] }
    var count: Int { 1 }
    var scalars: [any DifferentiableScalar] { [scalar] }
    var primal: Tensor<Double>? { scalar.primalValue.map { Tensor<Double>($0) } }
    var tensor: TracedTensor<S> { TracedTensor(scalar) }
    var reverseScalar: Tracked<Double>? {
        S.self == Tracked<Double>.self ? unsafeBitCast(scalar, to: Tracked<Double>.self) : nil
    }

    /// The other operand as a number of this interpretation, without going through a tensor.
    @inline(__always)
    private func operand(_ other: Value) -> S? {
        switch other {
        case .number(let x): return S(x)
        case .traced(let box): return (box.storage as? TracedScalar)?.scalar
        default: return nil
        }
    }

    func combine(_ op: BinaryOperator, _ other: Value, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = operand(other) else { return try tensor.combine(op, other, tracedOnLeft: tracedOnLeft, limit: limit) }
        let (a, b) = tracedOnLeft ? (scalar, o) : (o, scalar)
        switch op {
        case .add: return TracedScalar(scalar: a + b).value
        case .subtract: return TracedScalar(scalar: a - b).value
        case .multiply: return TracedScalar(scalar: a * b).value
        case .divide: return TracedScalar(scalar: a / b).value
        case .power: return TracedScalar(scalar: S.power(a, b)).value
        default: return try tensor.combine(op, other, tracedOnLeft: tracedOnLeft, limit: limit)
        }
    }

    func extremum(_ other: Value, largest: Bool, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value? {
        guard let o = operand(other) else { return try tensor.extremum(other, largest: largest, tracedOnLeft: tracedOnLeft, limit: limit) }
        let (a, b) = tracedOnLeft ? (scalar, o) : (o, scalar)
        return TracedScalar(scalar: largest ? S.maximumPropagatingNaN(a, b) : S.minimumPropagatingNaN(a, b)).value
    }

    func negated() -> Value { TracedScalar(scalar: -scalar).value }
    func applying(_ function: ElementaryFunction) -> Value { TracedScalar(scalar: S.apply(function, scalar)).value }
    func reduced(mean: Bool, axis: Int?) throws(TensorError) -> Value { try tensor.reduced(mean: mean, axis: axis) }
    func extreme(largest: Bool) throws(TensorError) -> Value { value }
    func logSumExp(axis: Int?) throws(TensorError) -> Value { try tensor.logSumExp(axis: axis) }
    func indexed(_ indices: [Int]) throws(TensorError) -> Value { try tensor.indexed(indices) }
    func gathering(_ rows: [Int]) throws(TensorError) -> Value { try tensor.gathering(rows) }
    func transposed() throws(TensorError) -> Value { value }
    func reshaped(_ shape: [Int]) throws(TensorError) -> Value { try tensor.reshaped(shape) }
    func stacking(_ values: [Value], limit: Budget) throws(TensorError) -> Value? { try tensor.stacking(values, limit: limit) }
    func calling(_ function: SymbolicFunction, _ arguments: [Value]) throws -> Value? { try tensor.calling(function, arguments) }

    /// As a value of the language: a plain number when `S` is `Double`.
    var value: Value {
        if S.self == Double.self { return .number(unsafeBitCast(scalar, to: Double.self)) }
        return .traced(TracedBox(self))
    }
}
