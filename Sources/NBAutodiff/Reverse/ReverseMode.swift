/// The value and gradient of `f` at `point` by reverse mode: one forward recording and one
/// backward sweep over a tape created for this call.
public func valueAndGradient(of f: some ScalarFunction, at point: [Double]) throws -> (value: Double, gradient: [Double]) {
    try checkArity(f.parameterNames, point)
    let tape = Tape<Double>(capacity: 256)
    return try withExtendedLifetime(tape) {
        let inputs = point.map { tape.variable($0) }
        let output = try f.evaluate(inputs)
        return (output.value, tape.gradient(of: output, withRespectTo: inputs))
    }
}

/// The gradient of `f` at `point` by reverse mode (one backward sweep).
public func gradient(of f: some ScalarFunction, at point: [Double]) throws -> [Double] {
    try valueAndGradient(of: f, at: point).gradient
}

/// How `hessian(of:at:method:)` computes second derivatives.
public enum HessianMethod: String, Sendable, CaseIterable {
    /// A reverse-mode tape over `Dual<Double>`: one recording and sweep per column.
    case forwardOverReverse
    /// `Dual<Dual<Double>>`: one evaluation per entry of the upper triangle.
    case nestedDuals
}

/// The Hessian of `f` at `point` (symmetric n×n, row-major).
public func hessian(
    of f: some ScalarFunction, at point: [Double], method: HessianMethod = .forwardOverReverse
) throws -> [[Double]] {
    try checkArity(f.parameterNames, point)
    switch method {
    case .forwardOverReverse: return try forwardOverReverseHessian(of: f, at: point)
    case .nestedDuals: return try nestedDualHessian(of: f, at: point)
    }
}

func forwardOverReverseHessian(of f: some ScalarFunction, at point: [Double]) throws -> [[Double]] {
    let n = point.count
    var columns = [[Double]]()
    columns.reserveCapacity(n)
    for j in 0..<n {
        let tape = Tape<Dual<Double>>(capacity: 256)
        let column: [Double] = try withExtendedLifetime(tape) {
            let inputs = point.indices.map { i in
                tape.variable(Dual(point[i], tangent: i == j ? 1 : 0))
            }
            let output = try f.evaluate(inputs)
            return tape.gradient(of: output, withRespectTo: inputs).map(\.tangent)
        }
        columns.append(column)
    }
    // H[i][j] = columns[j][i]; the Hessian is symmetric, so average for exact symmetry.
    var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in 0..<n {
            h[i][j] = i == j ? columns[j][i] : (columns[j][i] + columns[i][j]) / 2
        }
    }
    return h
}

/// The Jacobian of `f` at `point` (one row per output) by reverse mode: one recording, one
/// backward sweep per output.
public func jacobian(of f: some VectorFunction, at point: [Double]) throws -> [[Double]] {
    try checkArity(f.parameterNames, point)
    let tape = Tape<Double>(capacity: 256)
    return try withExtendedLifetime(tape) {
        let inputs = point.map { tape.variable($0) }
        let outputs = try f.evaluate(inputs)
        return outputs.map { tape.gradient(of: $0, withRespectTo: inputs) }
    }
}
