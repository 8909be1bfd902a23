/// Stochastic gradient descent with optional (heavy-ball) momentum and L2 weight decay, as
/// PyTorch's `SGD`: `v ← μ·v + (g + λ·p)`, `p ← p − η·v`.
public struct SGD<Scalar: TensorScalar>: Optimizer, Sendable {
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    private var velocities: [Tensor<Scalar>] = []

    public init(learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) throws {
        try checkShapes(parameters, gradients)
        if momentum != 0 && velocities.count != parameters.count {
            velocities = try parameters.map { try Tensor.zeros($0.shape) }
        }
        let lr = Scalar(learningRate), mu = Scalar(momentum), wd = Scalar(weightDecay)
        for i in parameters.indices {
            gradients[i].withUnsafeBufferPointer { g in
                parameters[i].withUnsafeMutableBufferPointer { p in
                    if momentum != 0 {
                        velocities[i].withUnsafeMutableBufferPointer { v in
                            Scalar.sgdKernel(p, g, v, learningRate: lr, momentum: mu, weightDecay: wd)
                        }
                    } else {
                        Scalar.sgdKernel(p, g, nil, learningRate: lr, momentum: 0, weightDecay: wd)
                    }
                }
            }
        }
    }
}
