extension Value {
    /// The value as a tensor when it is numeric: numbers are 0-d, ranges 1-d.
    public var asTensor: TensorValue? {
        switch self {
        case .number(let x): return TensorValue(shape: [], elements: [x])
        case .tensor(let t): return t
        case .range(let r) where r.count <= 50_000_000: return TensorValue(r.elements)
        case .bool(let b): return TensorValue(shape: [], elements: [b ? 1 : 0])
        default: return nil
        }
    }

    /// A tensor result: 0-d tensors become plain numbers.
    public static func from(_ tensor: TensorValue) -> Value {
        tensor.shape.isEmpty ? .number(tensor.elements[0]) : .tensor(tensor)
    }

    /// Whether the value can be called.
    public var isCallable: Bool {
        switch self {
        case .function, .builtin, .symbolic: return true
        default: return false
        }
    }
}
