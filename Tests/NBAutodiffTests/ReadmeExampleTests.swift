import Foundation
import NBAutodiff
import Testing

// The Swift example in README.md ("The engine from Swift"), kept compiling and correct here.

/// f(x, y) = x·y + sin(x), written once, generic over every interpretation.
struct F: ScalarFunction {
    let parameterNames = ["x", "y"]
    func evaluate<S: DifferentiableScalar>(_ v: [S]) throws -> S {
        v[0] * v[1] + S.apply(.sin, v[0])
    }
}

@Test func readmeExample() throws {
    let f = F(), at = [1.0, 2.0]
    let numeric = try numericGradient(of: f, at: at)                 // central differences
    let reverse = try gradient(of: f, at: at)                         // tape, one backward sweep
    let forward = try jvp(of: f, at: at, direction: [1, 0])           // dual numbers
    let symbolic = try SymbolicFunction(of: f, name: "f").derivative(withRespectTo: "x")
    #expect(symbolic.description == "∂f/∂x(x, y) = y + cos(x)")
    #expect(abs(reverse[0] - (2 + cos(1.0))) < 1e-15)
    #expect(abs(forward - reverse[0]) < 1e-15)
    #expect(abs(numeric[0] - reverse[0]) < 1e-9)
    #expect(try gradcheck(of: f, at: at))
    let h = try hessian(of: f, at: at)                                // forward-over-reverse
    #expect(abs(h[0][0] + sin(1.0)) < 1e-15 && h[0][1] == 1)
}
