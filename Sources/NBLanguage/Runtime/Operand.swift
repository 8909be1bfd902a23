import NBAutodiff

/// A value inside a differentiated function: a scalar of the interpretation `S`, or a tensor of
/// them (for functions of a tensor argument such as `loss(w) = sum((X @ w - y)^2)`).
enum Operand<S: DifferentiableScalar> {
    case scalar(S)
    case tensor(shape: [Int], elements: [S])

    var count: Int {
        switch self {
        case .scalar: return 1
        case .tensor(_, let elements): return elements.count
        }
    }

    var elements: [S] {
        switch self {
        case .scalar(let s): return [s]
        case .tensor(_, let elements): return elements
        }
    }

    var shapeText: String {
        switch self {
        case .scalar: return "a number"
        case .tensor(let shape, _): return "shape \(TensorValue.describe(shape))"
        }
    }

    func map(_ transform: (S) -> S) -> Operand {
        switch self {
        case .scalar(let s): return .scalar(transform(s))
        case .tensor(let shape, let elements): return .tensor(shape: shape, elements: elements.map(transform))
        }
    }

    /// Elementwise combination; a scalar (or one-element tensor) broadcasts against a tensor.
    static func zip(_ a: Operand, _ b: Operand, _ combine: (S, S) -> S) -> Operand? {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): return .scalar(combine(x, y))
        case (.scalar(let x), .tensor(let shape, let ys)): return .tensor(shape: shape, elements: ys.map { combine(x, $0) })
        case (.tensor(let shape, let xs), .scalar(let y)): return .tensor(shape: shape, elements: xs.map { combine($0, y) })
        case (.tensor(let shapeA, let xs), .tensor(let shapeB, let ys)):
            if shapeA == shapeB {
                var out: [S] = []
                out.reserveCapacity(xs.count)
                for i in xs.indices { out.append(combine(xs[i], ys[i])) }
                return .tensor(shape: shapeA, elements: out)
            }
            if ys.count == 1 { return .tensor(shape: shapeA, elements: xs.map { combine($0, ys[0]) }) }
            if xs.count == 1 { return .tensor(shape: shapeB, elements: ys.map { combine(xs[0], $0) }) }
            return nil
        }
    }

    /// The matrix product of vectors and matrices (1-d · 1-d is a scalar).
    static func matmul(_ a: Operand, _ b: Operand) -> Operand? {
        guard case .tensor(let shapeA, let xs) = a, case .tensor(let shapeB, let ys) = b,
              (1...2).contains(shapeA.count), (1...2).contains(shapeB.count) else { return nil }
        let (m, k) = shapeA.count == 2 ? (shapeA[0], shapeA[1]) : (1, shapeA[0])
        let (k2, n) = shapeB.count == 2 ? (shapeB[0], shapeB[1]) : (shapeB[0], 1)
        guard k == k2 else { return nil }
        var out: [S] = []
        out.reserveCapacity(m * n)
        for i in 0..<m {
            for j in 0..<n {
                var total = S(0)
                for p in 0..<k { total = total + xs[i * k + p] * ys[p * n + j] }
                out.append(total)
            }
        }
        var shape: [Int] = []
        if shapeA.count == 2 { shape.append(m) }
        if shapeB.count == 2 { shape.append(n) }
        return shape.isEmpty ? .scalar(out[0]) : .tensor(shape: shape, elements: out)
    }
}
