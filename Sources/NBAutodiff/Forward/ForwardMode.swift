/// The directional derivative ∇f(point)·direction by one forward sweep on dual numbers.
public func jvp<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B], direction: [B]) throws -> B {
    try valueAndJVP(of: f, at: point, direction: direction).derivative
}

/// The value and directional derivative of `f` at `point` along `direction` (forward mode).
///
/// `B` is the number type of the point (see `valueAndGradient(of:at:)`).
public func valueAndJVP<B: DifferentiableScalar>(
    of f: some ScalarFunction, at point: [B], direction: [B]
) throws -> (value: B, derivative: B) {
    try checkArity(f.parameterCount, point.count)
    guard direction.count == point.count else {
        throw AutodiffError.directionCount(expected: point.count, got: direction.count)
    }
    let inputs = zip(point, direction).map { Dual($0, tangent: $1) }
    let output = try f.evaluate(inputs)
    return (output.value, output.tangent)
}

/// The gradient by forward mode: one dual-number sweep per parameter.
public func forwardGradient<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B]) throws -> [B] {
    try checkArity(f.parameterCount, point.count)
    return try point.indices.map { i in
        try jvp(of: f, at: point, direction: point.indices.map { B($0 == i ? 1 : 0) })
    }
}

func nestedDualHessian<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B]) throws -> [[B]] {
    let n = point.count
    var h = [[B]](repeating: [B](repeating: B(0), count: n), count: n)
    for i in 0..<n {
        for j in i..<n {
            let inputs: [Dual<Dual<B>>] = point.indices.map { k in
                let inner = Dual<B>(point[k], tangent: B(k == i ? 1 : 0))
                return Dual(inner, tangent: Dual<B>(k == j ? 1.0 : 0.0))
            }
            let value = try f.evaluate(inputs).tangent.tangent
            h[i][j] = value
            h[j][i] = value
        }
    }
    return h
}
