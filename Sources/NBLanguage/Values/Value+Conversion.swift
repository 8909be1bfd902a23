import NBLearning
extension Value {
    /// The value as a tensor when it is numeric: numbers are 0-d, ranges 1-d.
    public var asTensor: Tensor<Double>? {
        switch self {
        case .number(let x): return Tensor<Double>(x)
        case .tensor(let t): return t
        case .range(let r) where r.count <= 50_000_000: return Tensor<Double>(r.elements)
        case .bool(let b): return Tensor<Double>(b ? 1 : 0)
        default: return nil
        }
    }

    /// A tensor result: 0-d tensors become plain numbers.
    public static func from(_ tensor: Tensor<Double>) -> Value {
        tensor.shape.isEmpty ? .number(tensor.scalars[0]) : .tensor(tensor)
    }

    /// Whether the value can be called.
    public var isCallable: Bool {
        switch self {
        case .function, .builtin, .symbolic: return true
        default: return false
        }
    }
}
