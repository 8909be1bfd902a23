/// An n-dimensional array of Doubles in row-major order: the cell language's tensor value.
///
/// A small value type of its own so the language does not wait for NBLearning's `Tensor`; every
/// operation lives in an extension file and can later be backed by that type.
public struct TensorValue: Sendable, Equatable {
    /// Extent of each axis; `[]` is a 0-d tensor holding one element.
    public private(set) var shape: [Int]
    /// Elements, row-major.
    public var elements: [Double]

    /// Creates a tensor; `elements.count` must equal the product of `shape`.
    public init(shape: [Int], elements: [Double]) {
        precondition(shape.reduce(1, *) == elements.count, "shape does not match element count")
        self.shape = shape
        self.elements = elements
    }

    /// A 1-d tensor.
    public init(_ vector: [Double]) {
        self.init(shape: [vector.count], elements: vector)
    }

    public var rank: Int { shape.count }
    public var count: Int { elements.count }

    /// Row-major strides of `shape`.
    public static func strides(of shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// The same elements under another shape of equal size.
    public func reshaped(_ newShape: [Int]) -> TensorValue {
        TensorValue(shape: newShape, elements: elements)
    }
}
