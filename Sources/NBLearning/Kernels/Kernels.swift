import NBAutodiff

/// The element loops behind every tensor operation, written once and generic over the element
/// type. Each `TensorScalar` conformance forwards to these, so they are specialised (and
/// auto-vectorised by LLVM) for `Float` and `Double`. Index arithmetic uses `&+`/`&*`: every index
/// is below an element count that was validated when the tensor was allocated.
enum Kernels {
    // MARK: unary

    static func unary<S: TensorScalar>(
        _ operation: UnaryOperation, _ input: UnsafeBufferPointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        guard let x = input.baseAddress else { return }
        ComputeThreads.forEachChunk(of: input.count) { start, count in
            if VectorKernels.unary(operation, count, x + start, output + start) { return }
            unary(operation, count, x + start, output + start)
        }
    }

    @inline(__always) static func unary<S: TensorScalar>(
        _ operation: UnaryOperation, _ n: Int, _ x: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        switch operation {
        case .negate: map(n, x, output) { -$0 }
        case .elementary(let function): elementary(function, n, x, output)
        case .square: map(n, x, output) { $0 * $0 }
        case .reciprocal: map(n, x, output) { 1 / $0 }
        case .sign: map(n, x, output) { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) }
        case .positiveIndicator: map(n, x, output) { $0 > 0 ? 1 : 0 }
        case .scale(let c):
            let c = S(c)
            map(n, x, output) { $0 * c }
        case .shift(let c):
            let c = S(c)
            map(n, x, output) { $0 + c }
        case .powerConstant(let c):
            if c == 2 { map(n, x, output) { $0 * $0 }; return }
            if c == 1 { map(n, x, output) { $0 }; return }
            if c == 0.5 { map(n, x, output) { $0.squareRoot() }; return }
            let c = S(c)
            map(n, x, output) { S.power($0, c) }
        }
    }

    /// The elementary functions, with the same values (bit for bit, on `Double`) as
    /// `Double.apply(_:_:)` of the scalar engine.
    @inline(__always) static func elementary<S: TensorScalar>(
        _ function: ElementaryFunction, _ n: Int, _ x: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        switch function {
        case .exp: map(n, x, output) { S.exponential($0) }
        case .log: map(n, x, output) { S.logarithm($0) }
        case .sqrt: map(n, x, output) { $0.squareRoot() }
        case .abs: map(n, x, output) { Swift.abs($0) }
        case .tanh: map(n, x, output) { S.hyperbolicTangent($0) }
        case .sigmoid: map(n, x, output) { stableSigmoid($0) }
        case .relu: map(n, x, output) { $0 > 0 ? $0 : ($0 != $0 ? $0 : 0) }
        case .softplus: map(n, x, output) { stableSoftplus($0) }
        case .sin: map(n, x, output) { S.sine($0) }
        case .cos: map(n, x, output) { S.cosine($0) }
        case .tan: map(n, x, output) { S.tangent($0) }
        case .asin: map(n, x, output) { S.arcsine($0) }
        case .acos: map(n, x, output) { S.arccosine($0) }
        case .atan: map(n, x, output) { S.arctangent($0) }
        }
    }

    /// f′(x) given fx = f(x), by the scalar engine's one derivative rule (computed in `Double`,
    /// which is exact for `Double` and at least as precise as the element type for `Float`).
    @inline(__always) static func elementaryDerivative<S: TensorScalar>(_ function: ElementaryFunction, _ x: S, _ fx: S) -> S {
        S(function.derivative(at: Double(x), value: Double(fx)))
    }

    /// 1 / (1 + e^−x) without overflow for large |x|.
    @inline(__always) static func stableSigmoid<S: TensorScalar>(_ x: S) -> S {
        if x >= 0 { return 1 / (1 + S.exponential(-x)) }
        let e = S.exponential(x)
        return e / (1 + e)
    }

    /// log(1 + e^x) = max(x, 0) + log1p(e^−|x|).
    @inline(__always) static func stableSoftplus<S: TensorScalar>(_ x: S) -> S {
        (x > 0 ? x : 0) + S.logarithmOnePlus(S.exponential(-Swift.abs(x)))
    }

    @inline(__always) static func map<S: TensorScalar>(
        _ n: Int, _ x: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>, _ f: (S) -> S
    ) {
        var i = 0
        while i < n {
            out[i] = f(x[i])
            i &+= 1
        }
    }

    // MARK: binary

    static func binary<S: TensorScalar>(
        _ operation: BinaryOperation, _ layout: BroadcastLayout,
        _ lhs: UnsafePointer<S>, _ rhs: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        guard layout.shape.count == 1 else { return binaryLayout(operation, layout, lhs, rhs, output) }
        // One flat axis (same shapes, or a scalar against a vector): split it into chunks.
        let sa = layout.lhsStrides[0], sb = layout.rhsStrides[0]
        ComputeThreads.forEachChunk(of: layout.count) { start, count in
            if operation == .gateByPositive && sa == 1 && sb == 1
                && VectorKernels.gateByPositive(count, lhs + start, rhs + start, output + start) { return }
            let chunk = BroadcastLayout(shape: [count], lhsStrides: [sa], rhsStrides: [sb], count: count)
            binaryLayout(operation, chunk, lhs + start &* sa, rhs + start &* sb, output + start)
        }
    }

    @inline(__always) static func binaryLayout<S: TensorScalar>(
        _ operation: BinaryOperation, _ layout: BroadcastLayout,
        _ lhs: UnsafePointer<S>, _ rhs: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        switch operation {
        case .add: broadcast(layout, lhs, rhs, output) { $0 + $1 }
        case .subtract: broadcast(layout, lhs, rhs, output) { $0 - $1 }
        case .multiply: broadcast(layout, lhs, rhs, output) { $0 * $1 }
        case .divide: broadcast(layout, lhs, rhs, output) { $0 / $1 }
        case .power: broadcast(layout, lhs, rhs, output) { S.power($0, $1) }
        case .maximum:
            broadcast(layout, lhs, rhs, output) { a, b in (a != a || b != b) ? a + b : (a >= b ? a : b) }
        case .minimum:
            broadcast(layout, lhs, rhs, output) { a, b in (a != a || b != b) ? a + b : (a <= b ? a : b) }
        case .gateByPositive: broadcast(layout, lhs, rhs, output) { g, y in y > 0 ? g : 0 }
        case .equal: broadcast(layout, lhs, rhs, output) { $0 == $1 ? 1 : 0 }
        case .greater: broadcast(layout, lhs, rhs, output) { $0 > $1 ? 1 : 0 }
        case .derivative(let function):
            broadcast(layout, lhs, rhs, output) { x, fx in elementaryDerivative(function, x, fx) }
        }
    }

    /// Walks the outer axes with an odometer and runs the innermost axis as one tight loop.
    @inline(__always) static func broadcast<S: TensorScalar>(
        _ layout: BroadcastLayout, _ lhs: UnsafePointer<S>, _ rhs: UnsafePointer<S>,
        _ output: UnsafeMutablePointer<S>, _ f: (S, S) -> S
    ) {
        let rank = layout.shape.count
        if layout.count == 0 { return }
        if rank == 0 {
            output[0] = f(lhs[0], rhs[0])
            return
        }
        let last = rank &- 1
        let n = layout.shape[last]
        let sa = layout.lhsStrides[last]
        let sb = layout.rhsStrides[last]
        let outer = layout.count / n
        var index = [Int](repeating: 0, count: last)
        var a = 0
        var b = 0
        var o = 0
        for _ in 0..<outer {
            innerLoop(n, lhs + a, sa, rhs + b, sb, output + o, f)
            o &+= n
            var d = last &- 1
            while d >= 0 {
                index[d] &+= 1
                a &+= layout.lhsStrides[d]
                b &+= layout.rhsStrides[d]
                if index[d] < layout.shape[d] { break }
                a &-= layout.lhsStrides[d] &* layout.shape[d]
                b &-= layout.rhsStrides[d] &* layout.shape[d]
                index[d] = 0
                d &-= 1
            }
        }
    }

    @inline(__always) static func innerLoop<S: TensorScalar>(
        _ n: Int, _ a: UnsafePointer<S>, _ sa: Int, _ b: UnsafePointer<S>, _ sb: Int,
        _ out: UnsafeMutablePointer<S>, _ f: (S, S) -> S
    ) {
        var i = 0
        if sa == 1 && sb == 1 {
            while i < n { out[i] = f(a[i], b[i]); i &+= 1 }
        } else if sa == 1 {
            let bv = b[0]
            while i < n { out[i] = f(a[i], bv); i &+= 1 }
        } else if sb == 1 {
            let av = a[0]
            while i < n { out[i] = f(av, b[i]); i &+= 1 }
        } else {
            let v = f(a[0], b[0])
            while i < n { out[i] = v; i &+= 1 }
        }
    }

    // MARK: reductions

    static func reduce<S: TensorScalar>(
        _ operation: ReductionOperation, outer: Int, length: Int, inner: Int,
        _ input: UnsafePointer<S>, _ output: UnsafeMutablePointer<S>
    ) {
        switch operation {
        case .sum:
            reduce(outer, length, inner, input, output, identity: 0, rows: sumRow) { $0 + $1 }
        case .max:
            reduce(outer, length, inner, input, output, identity: -.infinity, rows: { extremeRow($0, $1, >) }) {
                a, b in (b > a || b != b) ? b : a
            }
        case .min:
            reduce(outer, length, inner, input, output, identity: .infinity, rows: { extremeRow($0, $1, <) }) {
                a, b in (b < a || b != b) ? b : a
            }
        }
    }

    @inline(__always) static func reduce<S: TensorScalar>(
        _ outer: Int, _ length: Int, _ inner: Int, _ x: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>,
        identity: S, rows: (Int, UnsafePointer<S>) -> S, _ combine: (S, S) -> S
    ) {
        if inner == 1 {
            var o = 0
            while o < outer {
                out[o] = length == 0 ? identity : rows(length, x + o &* length)
                o &+= 1
            }
            return
        }
        var o = 0
        while o < outer {
            let dst = out + o &* inner
            let src = x + o &* length &* inner
            if length == 0 {
                var i = 0
                while i < inner { dst[i] = identity; i &+= 1 }
            } else {
                var i = 0
                while i < inner { dst[i] = src[i]; i &+= 1 }
                var k = 1
                while k < length {
                    let row = src + k &* inner
                    i = 0
                    while i < inner { dst[i] = combine(dst[i], row[i]); i &+= 1 }
                    k &+= 1
                }
            }
            o &+= 1
        }
    }

    /// A contiguous sum with four independent accumulators (vectorisable, and the same order on
    /// every machine).
    @inline(__always) static func sumRow<S: TensorScalar>(_ n: Int, _ x: UnsafePointer<S>) -> S {
        var s0: S = 0, s1: S = 0, s2: S = 0, s3: S = 0
        var i = 0
        while i &+ 4 <= n {
            s0 += x[i]; s1 += x[i &+ 1]; s2 += x[i &+ 2]; s3 += x[i &+ 3]
            i &+= 4
        }
        while i < n { s0 += x[i]; i &+= 1 }
        return (s0 + s1) + (s2 + s3)
    }

    @inline(__always) static func extremeRow<S: TensorScalar>(
        _ n: Int, _ x: UnsafePointer<S>, _ better: (S, S) -> Bool
    ) -> S {
        var m = x[0]
        var i = 1
        while i < n {
            let v = x[i]
            if v != v { return v }
            if better(v, m) { m = v }
            i &+= 1
        }
        return m
    }

    /// See `TensorScalar.argmaxKernel`.
    static func argmax<S: TensorScalar>(
        outer: Int, length: Int, inner: Int, _ x: UnsafePointer<S>, _ output: UnsafeMutablePointer<Int>
    ) {
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o &* length &* inner &+ i
                var best = 0
                var bestValue = x[base]
                var k = 1
                while k < length && bestValue == bestValue {
                    let v = x[base &+ k &* inner]
                    if v > bestValue || v != v { best = k; bestValue = v }
                    k &+= 1
                }
                output[o &* inner &+ i] = best
            }
        }
    }

    // MARK: optimisers

    static func sgd<S: TensorScalar>(
        _ p: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>, _ velocity: UnsafeMutableBufferPointer<S>?,
        learningRate lr: S, momentum mu: S, weightDecay wd: S
    ) {
        guard let pp = p.baseAddress, let gp = g.baseAddress else { return }
        let n = p.count
        if VectorKernels.sgd(n, pp, gp, velocity?.baseAddress, learningRate: lr, momentum: mu, weightDecay: wd) {
            return
        }
        var i = 0
        if let v = velocity?.baseAddress {
            while i < n {
                let d = mu * v[i] + gp[i] + wd * pp[i]
                v[i] = d
                pp[i] -= lr * d
                i &+= 1
            }
        } else if wd == 0 {
            while i < n { pp[i] -= lr * gp[i]; i &+= 1 }
        } else {
            while i < n { pp[i] -= lr * (gp[i] + wd * pp[i]); i &+= 1 }
        }
    }

    static func adam<S: TensorScalar>(
        _ p: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
        _ m: UnsafeMutableBufferPointer<S>, _ v: UnsafeMutableBufferPointer<S>, _ h: AdamStep<S>
    ) {
        guard let pp = p.baseAddress, let gp = g.baseAddress, let mp = m.baseAddress, let vp = v.baseAddress
        else { return }
        let n = p.count
        let stepSize = h.learningRate / h.firstCorrection
        let secondScale = 1 / h.secondCorrection.squareRoot()
        if VectorKernels.adam(n, pp, gp, mp, vp, h, stepSize: stepSize, secondScale: secondScale) { return }
        var i = 0
        while i < n {
            let grad = gp[i] + h.weightDecay * pp[i]
            let mi = h.beta1 * mp[i] + (1 - h.beta1) * grad
            let vi = h.beta2 * vp[i] + (1 - h.beta2) * grad * grad
            mp[i] = mi
            vp[i] = vi
            pp[i] -= stepSize * mi / (vi.squareRoot() * secondScale + h.epsilon)
            i &+= 1
        }
    }
}
