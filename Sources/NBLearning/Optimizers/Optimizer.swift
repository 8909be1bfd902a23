/// Updates parameters in place from their gradients.
public protocol Optimizer {
    associatedtype Scalar: TensorScalar
    /// The step size; a schedule may change it between steps.
    var learningRate: Double { get set }
    /// One step. `gradients[i]` belongs to `parameters[i]` and has its shape.
    mutating func update(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) throws
}

extension Optimizer {
    func checkShapes(_ parameters: [Tensor<Scalar>], _ gradients: [Tensor<Scalar>]) throws {
        guard parameters.count == gradients.count else {
            throw TensorError.invalidArgument("\(parameters.count) parameters but \(gradients.count) gradients")
        }
        for (p, g) in zip(parameters, gradients) where p.shape != g.shape {
            throw TensorError.shapeMismatch(operation: "optimizer update (parameter vs gradient)", lhs: p.shape, rhs: g.shape)
        }
    }
}
