/// Everything that can go wrong when building or combining tensors. Messages name the shapes
/// involved so a user can see which operand is off.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes do not fit together for `operation`.
    case shapeMismatch(operation: String, lhs: [Int], rhs: [Int])
    /// A shape that asks for more elements than `Tensor.elementLimit` (checked before allocating).
    case tooManyElements(shape: [Int], limit: Int)
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
        case let .tooManyElements(shape, limit):
            return "tensor of shape \(Self.format(shape)) exceeds the element limit of \(limit)"
        case let .negativeDimension(shape):
            return "shape \(Self.format(shape)) has a negative dimension"
        case let .scalarCountMismatch(shape, count):
            return "shape \(Self.format(shape)) needs \(shape.reduce(1, *)) scalars, got \(count)"
        case let .axisOutOfRange(axis, rank):
            return "axis \(axis) is out of range for a tensor of rank \(rank)"
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range for axis \(axis) of size \(size)"
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

    /// `[2, 3]`, the way shapes are written everywhere in nb.
    public static func format(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}
