import NBAutodiff
import Testing
@testable import NBLearning

/// Tensors differentiate the elementary functions by the scalar engine's one rule
/// (`ElementaryFunction.derivative(at:value:)`): the same bits, including where a function
/// saturates and a value-based rule such as 1 − tanh² would cancel to zero.
@Suite struct ElementaryDerivativeTests {
    static let points: [Double] = [-40, -20, -3, -0.5, 0.25, 0.75, 2, 19, 30]

    @Test(arguments: ElementaryFunction.allCases.filter { $0 != .relu })
    func tensorBackwardIsTheScalarRule(_ function: ElementaryFunction) throws {
        let domain: [Double] = switch function {
        case .log, .sqrt: Self.points.map { Swift.abs($0) }
        case .asin, .acos: [-0.9, -0.5, 0, 0.25, 0.75]
        case .tan: [-1.2, -0.5, 0, 0.25, 1.5]
        default: Self.points
        }
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor(domain))
        let y = try x.apply(.elementary(function))
        let gradient = try tape.gradients(of: y, seed: Tensor(Array(repeating: 1, count: domain.count)))[x]
        for (a, g) in zip(domain, gradient.scalars) {
            let expected = function.derivative(at: a, value: Double.apply(function, a))
            #expect(g.bitPattern == expected.bitPattern, "\(function)′(\(a)): tensor \(g), scalar \(expected)")
        }
    }

    @Test func saturatedTanhAndSigmoidKeepTheirTails() throws {
        let tape = TensorTape<Double>()
        let x = tape.variable(Tensor([20.0, -40.0]))
        let t = try tape.gradients(of: try x.tanh(), seed: Tensor([1.0, 1.0]))[x].scalars
        let s = try tape.gradients(of: try x.sigmoid(), seed: Tensor([1.0, 1.0]))[x].scalars
        // 1/cosh²(20) = 1.699e-17 and σ′(−40) = 4.248e-18, where 1 − y² and y(1 − y) give 0.
        #expect(Swift.abs(t[0] / 1.6993417021166356e-17 - 1) < 1e-12)
        #expect(Swift.abs(s[1] / 4.248354255291589e-18 - 1) < 1e-12)
    }
}
