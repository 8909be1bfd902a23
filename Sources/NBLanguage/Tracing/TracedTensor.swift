import NBLearning
import NBAutodiff

/// A number or tensor of one differentiating interpretation flowing through the interpreter:
/// dual numbers of a forward sweep, values on a reverse-mode tape, complex steps or symbolic
/// expressions (`S`), with the shape of a tensor (`[]` for a number).
///
/// This is how one evaluator serves every method: `grad`, `jvp`, `hessian`, `derivative` and the
/// rest call a user function with traced arguments, and the interpreter runs its body — blocks,
/// `if`, loops, closures, recursion — exactly as it runs it on plain numbers. Branches follow
/// the primal values (`primalValue`), as in PyTorch, JAX and ForwardDiff.jl.
struct TracedTensor<S: DifferentiableScalar> {
    var shape: [Int]
    var elements: [S]

    init(shape: [Int], elements: [S]) {
        self.shape = shape
        self.elements = elements
    }

    /// A traced number.
    init(_ scalar: S) {
        self.init(shape: [], elements: [scalar])
    }

    /// `value` as a tensor of `S`: numbers, tensors and ranges become constants, values traced by
    /// an enclosing differentiation are lifted into this one as constants; nil for anything else
    /// (or a value of an inner differentiation, which is wider than `S`).
    static func lift(_ value: Value) -> TracedTensor? {
        switch value {
        case .number(let x):
            return TracedTensor(S(x))
        case .tensor, .range:
            guard let t = value.asTensor else { return nil }
            return TracedTensor(shape: t.shape, elements: t.scalars.map { S($0) })
        case .dual(let d):
            return S.lifting(d).map { TracedTensor($0) }
        case .traced(let box):
            if let same = box.storage as? TracedTensor { return same }
            if let scalar = box.storage as? TracedScalar<S> { return TracedTensor(scalar.scalar) }
            var lifted: [S] = []
            lifted.reserveCapacity(box.storage.count)
            for element in box.storage.scalars {
                guard let s = S.lifting(element) else { return nil }
                lifted.append(s)
            }
            return TracedTensor(shape: box.storage.shape, elements: lifted)
        default:
            return nil
        }
    }

    /// As a value of the language: a plain number or tensor when `S` is `Double` (so plain
    /// evaluation never pays for tracing), otherwise traced.
    var value: Value {
        if shape.isEmpty { return TracedScalar(scalar: elements[0]).value }
        if S.self == Double.self, let numbers = elements as? [Double] {
            return .tensor(Tensor<Double>(validShape: shape, scalars: numbers))
        }
        return .traced(TracedBox(self))
    }
}

/// What the interpreter needs of a traced value without knowing its number type.
protocol TracedStorage {
    var shape: [Int] { get }
    var count: Int { get }
    /// The elements, each as the engine's number protocol.
    var scalars: [any DifferentiableScalar] { get }
    /// The primal values (what branches and comparisons see); nil for symbolic expressions.
    var primal: Tensor<Double>? { get }
    /// The value as `Tracked<Double>` when it is a number of that interpretation (see `ReverseScalar`).
    var reverseScalar: Tracked<Double>? { get }
    /// `self op other` (or `other op self` when `tracedOnLeft` is false) when `other` can be
    /// lifted into this interpretation; nil when `other` belongs to a wider one.
    func combine(_ op: BinaryOperator, _ other: Value, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value?
    /// The larger or smaller of `self` and `other`, elementwise (nil as for `combine`).
    func extremum(_ other: Value, largest: Bool, tracedOnLeft: Bool, limit: Budget) throws(TensorError) -> Value?
    func negated() throws(TensorError) -> Value
    func applying(_ function: ElementaryFunction) throws(TensorError) -> Value
    /// The sum or mean of all elements, or along `axis`.
    func reduced(mean: Bool, axis: Int?) throws(TensorError) -> Value
    /// The largest or smallest element.
    func extreme(largest: Bool) throws(TensorError) -> Value
    /// log Σ exp, of all elements or along `axis` (computed stably).
    func logSumExp(axis: Int?) throws(TensorError) -> Value
    func indexed(_ indices: [Int]) throws(TensorError) -> Value
    /// The rows (entries of the first axis) at `rows`: a mini-batch.
    func gathering(_ rows: [Int]) throws(TensorError) -> Value
    func transposed() throws(TensorError) -> Value
    func reshaped(_ shape: [Int]) throws(TensorError) -> Value
    /// `values` stacked into one tensor of this interpretation (a list literal such as `[x, y]`);
    /// a list when their shapes differ; nil when one of them belongs to a wider interpretation.
    func stacking(_ values: [Value], limit: Budget) throws(TensorError) -> Value?
    /// A symbolic function called with numbers of this interpretation (nil as for `stacking`).
    func calling(_ function: SymbolicFunction, _ arguments: [Value]) throws -> Value?
}

/// A traced value inside `Value` (which is `Sendable`): traced values live only while the
/// differentiation that made them runs, on the thread that runs it.
///
/// A number of the reverse sweep over `Double` (`ReverseScalar`, the commonest traced value) is
/// held inline, so `Value` stays small and copying one touches no reference count; any other
/// traced value is held by reference.
public struct TracedBox: @unchecked Sendable {
    private enum Representation {
        case reverse(Tracked<Double>)
        case stored(TracedStorageReference)
    }

    private let representation: Representation

    init(_ storage: any TracedStorage) {
        if let number = storage.reverseScalar {
            representation = .reverse(number)
        } else {
            representation = .stored(TracedStorageReference(storage))
        }
    }

    /// A number on a tape of `Tracked<Double>`.
    init(reverse number: Tracked<Double>) {
        representation = .reverse(number)
    }

    /// The value, as the interpreter sees every traced value.
    var storage: any TracedStorage {
        switch representation {
        case .reverse(let number): TracedScalar(scalar: number)
        case .stored(let reference): reference.storage
        }
    }

    /// The value as `Tracked<Double>` when it is a number of that interpretation.
    var reverseScalar: Tracked<Double>? {
        if case .reverse(let number) = representation { return number }
        return nil
    }
}

/// The storage of a traced value other than a reverse-sweep number.
final class TracedStorageReference {
    let storage: any TracedStorage
    init(_ storage: any TracedStorage) { self.storage = storage }
}
