/// A tensor recorded on a `TensorTape`: every operation on it appends a record, so gradients can
/// be computed by one backward sweep. Operations mirror `Tensor`'s and throw the same shape errors.
public struct TrackedTensor<Scalar: TensorScalar> {
    /// The tape this tensor was recorded on.
    public let tape: TensorTape<Scalar>
    /// Its position on the tape.
    public let id: Int

    /// The forward value.
    public var value: Tensor<Scalar> { tape.value(id) }
    public var shape: [Int] { value.shape }
    /// Whether a gradient flows to this tensor (it depends on a variable of its tape).
    public var requiresGradient: Bool { tape.records[id].requiresGradient }

    /// Records an operation whose single input is `self`.
    func unary(
        _ value: Tensor<Scalar>, _ backward: @escaping (Tensor<Scalar>) throws -> Tensor<Scalar>
    ) throws -> TrackedTensor {
        try tape.record(value, inputs: [self]) { g, _ in [try backward(g)] }
    }

    /// Lifts a constant onto this tensor's tape.
    func constant(_ value: Tensor<Scalar>) -> TrackedTensor { tape.constant(value) }
}
