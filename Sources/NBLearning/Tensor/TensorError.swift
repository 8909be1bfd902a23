/// Everything that can go wrong when building or combining tensors, in the library and in the
/// cell language alike (one error type, one way of writing shapes). Messages name the shapes
/// involved so a user can see which operand is off.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible, BudgetStop {
    /// Two operands whose shapes do not fit together for `operation`.
    case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
    /// Two shapes that NumPy broadcasting cannot align.
    case notBroadcastable(lhs: [Int], rhs: [Int])
    /// A shape that asks for more elements than a limit (`Tensor.elementLimit`, or a cell's
    /// `Budget`), checked before allocating: the one "too large" error.
    case tooManyElements(shape: [Int], limit: Int)
    /// The computation ran past its deadline or was cancelled (checked between kernels).
    case stopped(BudgetExceeded)
    /// A negative dimension.
    case negativeDimension(shape: [Int])
    /// The number of scalars does not match the shape.
    case scalarCountMismatch(shape: [Int], count: Int)
    /// An axis outside `-rank..<rank`.
    case axisOutOfRange(axis: Int, rank: Int)
    /// An index outside its axis.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// A reshape whose element count differs.
    case invalidReshape(from: [Int], to: [Int])
    /// An operation that needs a particular rank.
    case rankMismatch(operation: String, expected: String, shape: [Int])
    /// A class label outside `0..<classes`.
    case labelOutOfRange(label: Int, classes: Int)
    /// Any other invalid argument.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, lhs, rhs):
            return "shape mismatch in \(operation): \(Self.format(lhs)) and \(Self.format(rhs))"
        case let .notBroadcastable(lhs, rhs):
            return "shapes \(Self.format(lhs)) and \(Self.format(rhs)) cannot be broadcast together"
        case let .tooManyElements(shape, limit):
            return "a tensor of shape \(Self.format(shape)) is above the element limit of \(limit) elements"
        case let .stopped(exceeded):
            return exceeded.description
        case let .negativeDimension(shape):
            return "shape \(Self.format(shape)) has a negative dimension"
        case let .scalarCountMismatch(shape, count):
            return "shape \(Self.format(shape)) needs \(shape.reduce(1, *)) scalars, got \(count)"
        case let .axisOutOfRange(axis, rank):
            return "axis \(axis) is out of range for a tensor of rank \(rank)"
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range 0..<\(size) on axis \(axis)"
        case let .invalidReshape(from, to):
            return "cannot reshape \(Self.format(from)) to \(Self.format(to))"
        case let .rankMismatch(operation, expected, shape):
            return "\(operation) expects \(expected), got shape \(Self.format(shape))"
        case let .labelOutOfRange(label, classes):
            return "label \(label) is out of range for \(classes) classes"
        case let .invalidArgument(message):
            return message
        }
    }

    /// Whether the error is a limit (size or time) rather than a mistake in the computation.
    public var isLimit: Bool {
        switch self {
        case .tooManyElements, .stopped: true
        default: false
        }
    }

    /// The deadline or cancellation this error carries, if it is one.
    public var budgetExceeded: BudgetExceeded? {
        if case .stopped(let exceeded) = self { return exceeded }
        return nil
    }

    /// `(2, 3)`, `(3,)` or `()`: the way shapes are written everywhere in nb (as NumPy prints them).
    public static func format(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}

extension TensorError {
    /// Runs tensor work whose functions throw untyped errors, as typed tensor errors: a budget
    /// stop becomes `.stopped`, any other error is described in `.invalidArgument`.
    public static func catching<R>(_ body: () throws -> R) throws(TensorError) -> R {
        do { return try body() } catch let error as TensorError {
            throw error
        } catch let error as BudgetExceeded {
            throw .stopped(error)
        } catch {
            throw .invalidArgument("\(error)")
        }
    }
}
