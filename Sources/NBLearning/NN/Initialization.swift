/// How a layer's weights are drawn. Biases start at zero. Every scheme draws from a
/// `SeededGenerator`, so the same seed gives the same network on every machine.
public enum Initialization: Sendable, Equatable {
    /// He et al. (2015): normal with variance 2 / fan-in — for ReLU networks.
    case heNormal
    /// He et al. (2015): uniform on ±√(6 / fan-in).
    case heUniform
    /// Glorot & Bengio (2010): uniform on ±√(6 / (fan-in + fan-out)) — for tanh/sigmoid networks.
    case xavierUniform
    /// Glorot & Bengio (2010): normal with variance 2 / (fan-in + fan-out).
    case xavierNormal
    /// Uniform on ±limit (micrograd's `random.uniform(-1, 1)` is `.uniform(1)`).
    case uniform(Double)

    /// He for ReLU-like activations, Xavier otherwise.
    public static func recommended(for activation: Activation) -> Initialization {
        switch activation {
        case .relu, .softplus: .heNormal
        case .tanh, .sigmoid, .identity: .xavierUniform
        }
    }

    /// A `[fanIn, fanOut]` weight matrix.
    public func weights<S: TensorScalar>(
        fanIn: Int, fanOut: Int, generator: inout SeededGenerator
    ) throws -> Tensor<S> {
        let shape = [fanIn, fanOut]
        let fanIn = Double(Swift.max(fanIn, 1))
        let fanSum = Double(Swift.max(shape[0] + shape[1], 1))
        switch self {
        case .heNormal:
            return try .randomNormal(shape, standardDeviation: (2 / fanIn).squareRoot(), generator: &generator)
        case .heUniform:
            let limit = (6 / fanIn).squareRoot()
            return try .randomUniform(shape, lower: -limit, upper: limit, generator: &generator)
        case .xavierUniform:
            let limit = (6 / fanSum).squareRoot()
            return try .randomUniform(shape, lower: -limit, upper: limit, generator: &generator)
        case .xavierNormal:
            return try .randomNormal(shape, standardDeviation: (2 / fanSum).squareRoot(), generator: &generator)
        case .uniform(let limit):
            return try .randomUniform(shape, lower: -limit, upper: limit, generator: &generator)
        }
    }
}
