/// A Wengert list for reverse-mode differentiation of tensor programs — the tensor counterpart of
/// the scalar engine's tape: one record per operation, in execution order, and one backward sweep
/// from the output to the first record.
///
/// There is no global state: make a tape per training step (or per gradient evaluation), record
/// operations through `TrackedTensor`, call `gradients(of:)`, and let the tape go. A tape is a
/// reference type because every tracked tensor appends to the same list; it is not meant to be
/// shared between threads.
public final class TensorTape<Scalar: TensorScalar> {
    /// Maps the gradient of a record's output to the gradients of its inputs. `needed[i]` says
    /// whether input i wants one (a constant does not), so the work can be skipped.
    typealias Backward = (_ upstream: Tensor<Scalar>, _ needed: [Bool]) throws -> [Tensor<Scalar>?]

    struct Record {
        let value: Tensor<Scalar>
        let inputs: [Int]
        let requiresGradient: Bool
        let backward: Backward?
    }

    private(set) var records: [Record] = []

    public init() {}

    /// The number of records (leaves and operations).
    public var count: Int { records.count }

    /// A leaf whose gradient is wanted (a parameter or an input to differentiate with respect to).
    public func variable(_ value: Tensor<Scalar>) -> TrackedTensor<Scalar> {
        records.append(Record(value: value, inputs: [], requiresGradient: true, backward: nil))
        return TrackedTensor(tape: self, id: records.count - 1)
    }

    /// A leaf that is held fixed (data, labels, masks).
    public func constant(_ value: Tensor<Scalar>) -> TrackedTensor<Scalar> {
        records.append(Record(value: value, inputs: [], requiresGradient: false, backward: nil))
        return TrackedTensor(tape: self, id: records.count - 1)
    }

    /// Appends an operation's result. The backward closure is kept only when some input needs a
    /// gradient.
    func record(
        _ value: Tensor<Scalar>, inputs: [TrackedTensor<Scalar>], backward: @escaping Backward
    ) throws -> TrackedTensor<Scalar> {
        for input in inputs where input.tape !== self {
            throw TensorError.invalidArgument("operands were recorded on different tapes")
        }
        let ids = inputs.map(\.id)
        let requires = ids.contains { records[$0].requiresGradient }
        records.append(Record(value: value, inputs: ids, requiresGradient: requires,
                              backward: requires ? backward : nil))
        return TrackedTensor(tape: self, id: records.count - 1)
    }

    func value(_ id: Int) -> Tensor<Scalar> { records[id].value }

    /// Back-propagates from `output` in one sweep. Without a `seed` the output must have one
    /// element (a loss) and is seeded with 1; otherwise `seed` (same shape as the output) is the
    /// vector of a vector–Jacobian product.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func gradients(of output: TrackedTensor<Scalar>, seed: Tensor<Scalar>? = nil) throws -> TensorGradients<Scalar> {
        guard output.tape === self else {
            throw TensorError.invalidArgument("the output was recorded on a different tape")
        }
        let outputValue = records[output.id].value
        let start: Tensor<Scalar>
        if let seed {
            guard seed.shape == outputValue.shape else {
                throw TensorError.shapeMismatch(operation: "gradient seed", lhs: outputValue.shape, rhs: seed.shape)
            }
            start = seed
        } else {
            guard outputValue.count == 1 else {
                throw TensorError.rankMismatch(operation: "gradients(of:) without a seed",
                                               expected: "a single-element output", shape: outputValue.shape)
            }
            start = Tensor(validShape: outputValue.shape, scalars: [1])
        }
        var gradients = [Tensor<Scalar>?](repeating: nil, count: records.count)
        gradients[output.id] = start
        for id in stride(from: output.id, through: 0, by: -1) {
            let record = records[id]
            guard record.requiresGradient, let backward = record.backward, let upstream = gradients[id] else { continue }
            gradients[id] = nil  // intermediate gradients are not kept
            let needed = record.inputs.map { records[$0].requiresGradient }
            let inputGradients = try backward(upstream, needed)
            for (input, gradient) in zip(record.inputs, inputGradients) {
                guard let gradient, records[input].requiresGradient else { continue }
                if let existing = gradients[input] {
                    gradients[input] = try existing + gradient
                } else {
                    gradients[input] = gradient
                }
            }
        }
        return TensorGradients(tape: ObjectIdentifier(self), storage: gradients)
    }
}

/// The gradients of one backward sweep, read per leaf. It does not keep the tape alive, so once
/// the tape is released the parameters' storage is uniquely owned again and an optimiser can
/// update it in place.
public struct TensorGradients<Scalar: TensorScalar> {
    let tape: ObjectIdentifier
    let storage: [Tensor<Scalar>?]

    /// The gradient with respect to a leaf (zeros when the output does not depend on it).
    public subscript(_ leaf: TrackedTensor<Scalar>) -> Tensor<Scalar> {
        if ObjectIdentifier(leaf.tape) == tape, leaf.id < storage.count, let gradient = storage[leaf.id] { return gradient }
        let shape = leaf.value.shape
        return Tensor(validShape: shape, scalars: [Scalar](repeating: 0, count: leaf.value.count))
    }
}
