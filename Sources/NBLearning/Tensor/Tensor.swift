/// An n-dimensional array of `Float` or `Double`, stored contiguously in row-major order.
///
/// A value type: copies share storage until one of them is mutated (copy-on-write through the
/// underlying array). A rank-0 tensor (shape `[]`) holds one scalar. Every allocation is checked
/// against `Tensor.elementLimit` before memory is requested, and every operation that combines
/// shapes throws a `TensorError` naming both shapes instead of trapping.
public struct Tensor<Scalar: TensorScalar>: Sendable {
    /// The largest number of elements any tensor may hold (2²⁶ ≈ 67 million: 512 MB of `Double`).
    public static var elementLimit: Int { 1 << 26 }

    /// The size of each axis.
    public let shape: [Int]
    /// The elements in row-major order.
    public private(set) var scalars: [Scalar]

    /// Creates a tensor from its shape and row-major scalars.
    public init(shape: [Int], scalars: [Scalar]) throws {
        let count = try Shape.checkedCount(shape, limit: Self.elementLimit)
        guard count == scalars.count else {
            throw TensorError.scalarCountMismatch(shape: shape, count: scalars.count)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A rank-0 tensor holding one scalar.
    public init(_ scalar: Scalar) {
        shape = []
        scalars = [scalar]
    }

    /// A rank-1 tensor of the given scalars.
    public init(_ scalars: [Scalar]) {
        shape = [scalars.count]
        self.scalars = scalars
    }

    /// A tensor of `shape` with every element equal to `value`.
    public init(repeating value: Scalar, shape: [Int]) throws {
        let count = try Shape.checkedCount(shape, limit: Self.elementLimit)
        self.shape = shape
        scalars = [Scalar](repeating: value, count: count)
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) throws -> Tensor {
        try Tensor(repeating: 0, shape: shape)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) throws -> Tensor {
        try Tensor(repeating: 1, shape: shape)
    }

    /// A tensor whose shape is known to be valid and to match `scalars` (callers that built the
    /// scalars for that shape, within a limit they checked); a mismatch is a programming error.
    public init(validShape shape: [Int], scalars: [Scalar]) {
        precondition(shape.reduce(1, &*) == scalars.count, "shape does not match the scalar count")
        self.shape = shape
        self.scalars = scalars
    }

    /// Allocates a tensor of a validated shape and lets `body` write every element.
    init(
        validShape shape: [Int], count: Int,
        initializingWith body: (UnsafeMutablePointer<Scalar>) throws -> Void
    ) rethrows {
        self.shape = shape
        scalars = try [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let base = buffer.baseAddress { try body(base) }
            initialized = count
        }
    }

    /// Validates `shape` and allocates a tensor whose elements `body` writes.
    init(
        shape: [Int], initializingWith body: (UnsafeMutablePointer<Scalar>, Int) throws -> Void
    ) throws {
        let count = try Shape.checkedCount(shape, limit: Self.elementLimit)
        try self.init(validShape: shape, count: count) { try body($0, count) }
    }

    /// The number of axes.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }
    /// The single element of a tensor with one element (any rank), else nil.
    public var scalar: Scalar? { scalars.count == 1 ? scalars[0] : nil }

    /// Reads the elements through a buffer pointer.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try scalars.withUnsafeBufferPointer(body)
    }

    /// Mutates the elements in place (the shape is fixed).
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Scalar>) throws -> R
    ) rethrows -> R {
        try scalars.withUnsafeMutableBufferPointer(body)
    }

    /// The element at a full multi-index (negative indices count from the end).
    public func element(at indices: [Int]) throws -> Scalar {
        try scalars[offset(of: indices)]
    }

    /// Sets the element at a full multi-index.
    public mutating func setElement(_ value: Scalar, at indices: [Int]) throws {
        let offset = try offset(of: indices)
        scalars[offset] = value
    }

    func offset(of indices: [Int]) throws -> Int {
        guard indices.count == rank else {
            throw TensorError.rankMismatch(operation: "indexing with \(indices.count) indices",
                                           expected: "rank \(indices.count)", shape: shape)
        }
        var offset = 0
        for (axis, index) in indices.enumerated() {
            let size = shape[axis]
            let i = index < 0 ? index + size : index
            guard i >= 0 && i < size else { throw TensorError.indexOutOfRange(index: index, axis: axis, size: size) }
            offset = offset * size + i
        }
        return offset
    }

    /// Converts the elements to another scalar type.
    public func converted<Other: TensorScalar>(to _: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(validShape: shape, scalars: scalars.map { Other($0) })
    }
}

extension Tensor: Equatable {}
