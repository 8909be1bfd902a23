/// Adam (Kingma & Ba, 2015) with bias correction and optional L2 weight decay added to the
/// gradient (PyTorch's `Adam(weight_decay:)`).
public struct Adam<Scalar: TensorScalar>: Optimizer, Sendable {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double
    private var step = 0
    private var firstMoments: [Tensor<Scalar>] = []
    private var secondMoments: [Tensor<Scalar>] = []

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) throws {
        try checkShapes(parameters, gradients)
        if firstMoments.count != parameters.count {
            firstMoments = try parameters.map { try Tensor.zeros($0.shape) }
            secondMoments = firstMoments
            step = 0
        }
        step += 1
        let t = Double(step)
        let constants = AdamStep<Scalar>(
            learningRate: Scalar(learningRate), beta1: Scalar(beta1), beta2: Scalar(beta2), epsilon: Scalar(epsilon),
            weightDecay: Scalar(weightDecay),
            firstCorrection: Scalar(1 - power(beta1, t)), secondCorrection: Scalar(1 - power(beta2, t)))
        for i in parameters.indices {
            gradients[i].withUnsafeBufferPointer { g in
                parameters[i].withUnsafeMutableBufferPointer { p in
                    firstMoments[i].withUnsafeMutableBufferPointer { m in
                        secondMoments[i].withUnsafeMutableBufferPointer { v in
                            Scalar.adamKernel(p, g, m, v, hyperparameters: constants)
                        }
                    }
                }
            }
        }
    }

    private func power(_ base: Double, _ exponent: Double) -> Double { Double.power(base, exponent) }
}
