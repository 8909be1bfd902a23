import CNBKernels
import Testing

/// Every instruction-set copy of the C kernels this CPU can run gives, bit for bit, what the
/// reference formulas (the Swift loops they replace) give — on an odd length, so vector tails are
/// exercised, and on nan, ±0, ±∞ and subnormals.
@Suite struct VectorKernelTests {
    static let isas: [NBKernelISA] = [NBKernelISABaseline, NBKernelISAAVX2, NBKernelISAAVX512]
        .filter { $0.rawValue <= nb_kernels_isa().rawValue }

    static func inputs<S: BinaryFloatingPoint>(_ n: Int, seed: UInt64) -> [S] {
        var state = seed
        let specials: [S] = [.nan, -0.0, 0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNormalMagnitude]
        return (0..<n).map { i in
            if i % 97 < specials.count { return specials[i % 97] }
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return S(Double(Int64(bitPattern: state >> 11) - (1 << 52)) / Double(1 << 52) * 3)
        }
    }

    static func same<S: BinaryFloatingPoint>(_ a: [S], _ b: [S]) -> Bool where S.RawSignificand: FixedWidthInteger {
        a.count == b.count && zip(a, b).allSatisfy { $0.isNaN && $1.isNaN || ($0 == $1 && $0.sign == $1.sign) }
    }

    @Test(arguments: isas.map(\.rawValue))
    func floatKernelsMatchTheReference(_ isaValue: UInt32) {
        let isa = NBKernelISA(rawValue: isaValue)
        let n = 1037
        let x: [Float] = Self.inputs(n, seed: 1), g: [Float] = Self.inputs(n, seed: 2)
        var out = [Float](repeating: 7, count: n)
        nb_relu_f32(isa, n, x, &out)
        #expect(Self.same(out, x.map { $0 < 0 ? 0 : $0 }))
        nb_positive_indicator_f32(isa, n, x, &out)
        #expect(Self.same(out, x.map { $0 > 0 ? 1 : 0 }))
        nb_gate_by_positive_f32(isa, n, g, x, &out)
        #expect(Self.same(out, zip(g, x).map { $1 > 0 ? $0 : 0 }))

        let (lr, mu, wd): (Float, Float, Float) = (0.01, 0.9, 1e-4)
        var p = x, v = g
        nb_sgd_f32(isa, n, &p, g, &v, lr, mu, wd)
        var rp = x, rv = g
        for i in 0..<n {
            let d = mu * rv[i] + g[i] + wd * rp[i]
            rv[i] = d
            rp[i] -= lr * d
        }
        #expect(Self.same(p, rp) && Self.same(v, rv))
        p = x
        nb_sgd_f32(isa, n, &p, g, nil, lr, 0, wd)
        #expect(Self.same(p, zip(x, g).map { $0 - lr * ($1 + wd * $0) }))

        var m = g.map { $0 * 0.5 }, s = g.map { $0 * $0 }
        var rm = m, rs = s
        p = x
        rp = x
        let (b1, b2, step, scale, eps): (Float, Float, Float, Float, Float) = (0.9, 0.999, 0.003, 1.7, 1e-8)
        nb_adam_f32(isa, n, &p, g, &m, &s, b1, b2, wd, step, scale, eps)
        for i in 0..<n {
            let grad = g[i] + wd * rp[i]
            let mi = b1 * rm[i] + (1 - b1) * grad
            let vi = b2 * rs[i] + (1 - b2) * grad * grad
            rm[i] = mi
            rs[i] = vi
            rp[i] -= step * mi / (vi.squareRoot() * scale + eps)
        }
        #expect(Self.same(p, rp) && Self.same(m, rm) && Self.same(s, rs))
    }

    @Test(arguments: isas.map(\.rawValue))
    func doubleKernelsMatchTheReference(_ isaValue: UInt32) {
        let isa = NBKernelISA(rawValue: isaValue)
        let n = 1037
        let x: [Double] = Self.inputs(n, seed: 3), g: [Double] = Self.inputs(n, seed: 4)
        var out = [Double](repeating: 7, count: n)
        nb_relu_f64(isa, n, x, &out)
        #expect(Self.same(out, x.map { $0 < 0 ? 0 : $0 }))
        nb_gate_by_positive_f64(isa, n, g, x, &out)
        #expect(Self.same(out, zip(g, x).map { $1 > 0 ? $0 : 0 }))
        var p = x
        nb_sgd_f64(isa, n, &p, g, nil, 0.01, 0, 0)
        #expect(Self.same(p, zip(x, g).map { $0 - 0.01 * $1 }))
    }

    @Test func detectionNamesAKnownInstructionSet() {
        #expect(Self.isas.first == NBKernelISABaseline)
        #expect([NBKernelISABaseline, NBKernelISAAVX2, NBKernelISAAVX512].contains(nb_kernels_isa()))
    }
}
