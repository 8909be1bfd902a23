/// The directional derivative ∇f(point)·direction by one forward sweep on dual numbers.
public func jvp(of f: some ScalarFunction, at point: [Double], direction: [Double]) throws -> Double {
    try valueAndJVP(of: f, at: point, direction: direction).derivative
}

/// The value and directional derivative of `f` at `point` along `direction` (forward mode).
public func valueAndJVP(
    of f: some ScalarFunction, at point: [Double], direction: [Double]
) throws -> (value: Double, derivative: Double) {
    try checkArity(f.parameterNames, point)
    guard direction.count == point.count else {
        throw AutodiffError.directionCount(expected: point.count, got: direction.count)
    }
    let inputs = zip(point, direction).map { Dual($0, tangent: $1) }
    let output = try f.evaluate(inputs)
    return (output.value, output.tangent)
}

/// The gradient by forward mode: one dual-number sweep per parameter.
public func forwardGradient(of f: some ScalarFunction, at point: [Double]) throws -> [Double] {
    try checkArity(f.parameterNames, point)
    return try point.indices.map { i in
        try jvp(of: f, at: point, direction: point.indices.map { $0 == i ? 1 : 0 })
    }
}

func nestedDualHessian(of f: some ScalarFunction, at point: [Double]) throws -> [[Double]] {
    let n = point.count
    var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in i..<n {
            let inputs: [Dual<Dual<Double>>] = point.indices.map { k in
                let inner = Dual<Double>(point[k], tangent: k == i ? 1 : 0)
                return Dual(inner, tangent: Dual<Double>(k == j ? 1.0 : 0.0))
            }
            let value = try f.evaluate(inputs).tangent.tangent
            h[i][j] = value
            h[j][i] = value
        }
    }
    return h
}
