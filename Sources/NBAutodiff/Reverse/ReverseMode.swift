/// The value and gradient of `f` at `point` by reverse mode: one forward recording and one
/// backward sweep over a tape created for this call.
///
/// `B` is the number type of the point: `Double`, or — when this differentiation runs inside
/// another one — that differentiation's number type, so the result carries the outer derivative.
/// Inlinable, so a caller with concrete types gets the sweep compiled for them (the generic code
/// calls the number type's witnesses for every `+` and `*` of every entry).
@inlinable
public func valueAndGradient<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B]) throws -> (value: B, gradient: [B]) {
    try checkArity(f.parameterCount, point.count)
    let tape = Tape<B>(capacity: 256)
    return try withExtendedLifetime(tape) {
        let inputs = point.map { tape.variable($0) }
        let output = try f.evaluate(inputs)
        return (output.value, tape.gradient(of: output, withRespectTo: inputs))
    }
}

/// The gradient of `f` at `point` by reverse mode (one backward sweep).
@inlinable
public func gradient<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B]) throws -> [B] {
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
public func hessian<B: DifferentiableScalar>(
    of f: some ScalarFunction, at point: [B], method: HessianMethod = .forwardOverReverse
) throws -> [[B]] {
    try checkArity(f.parameterCount, point.count)
    switch method {
    case .forwardOverReverse: return try forwardOverReverseHessian(of: f, at: point)
    case .nestedDuals: return try nestedDualHessian(of: f, at: point)
    }
}

func forwardOverReverseHessian<B: DifferentiableScalar>(of f: some ScalarFunction, at point: [B]) throws -> [[B]] {
    let n = point.count
    var columns = [[B]]()
    columns.reserveCapacity(n)
    for j in 0..<n {
        let tape = Tape<Dual<B>>(capacity: 256)
        let column: [B] = try withExtendedLifetime(tape) {
            let inputs = point.indices.map { i in
                tape.variable(Dual(point[i], tangent: B(i == j ? 1 : 0)))
            }
            let output = try f.evaluate(inputs)
            return tape.gradient(of: output, withRespectTo: inputs).map(\.tangent)
        }
        columns.append(column)
    }
    // H[i][j] = columns[j][i]; the Hessian is symmetric, so average for exact symmetry.
    var h = [[B]](repeating: [B](repeating: B(0), count: n), count: n)
    for i in 0..<n {
        for j in 0..<n {
            h[i][j] = i == j ? columns[j][i] : (columns[j][i] + columns[i][j]) / B(2)
        }
    }
    return h
}

/// The Jacobian of `f` at `point` (one row per output) by reverse mode: one recording, one
/// backward sweep per output.
@inlinable
public func jacobian<B: DifferentiableScalar>(of f: some VectorFunction, at point: [B]) throws -> [[B]] {
    try checkArity(f.parameterCount, point.count)
    let tape = Tape<B>(capacity: 256)
    return try withExtendedLifetime(tape) {
        let inputs = point.map { tape.variable($0) }
        let outputs = try f.evaluate(inputs)
        return outputs.map { tape.gradient(of: $0, withRespectTo: inputs) }
    }
}
