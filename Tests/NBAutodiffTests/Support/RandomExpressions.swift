import NBAutodiff

/// SplitMix64: a tiny deterministic generator for the random expression trees.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random expression trees over every elementary function, with domains kept sensible:
/// log/sqrt and non-integer powers see positive arguments (`softplus(u) + 0.25`, which grows
/// only linearly, so periodic functions never see huge, ill-conditioned arguments), asin/acos see
/// `0.9·tanh(u)`, tan sees `tanh(u)`, exp sees `sin(u)`, divisors are positive the same way.
struct RandomExpressions {
    var rng: SplitMix64
    let names: [String]

    init(seed: UInt64, variables: Int) {
        rng = SplitMix64(state: seed)
        names = Array(["x", "y", "z"].prefix(variables))
    }

    private mutating func positive(_ depth: Int) -> TestExpression {
        .add(.function(.softplus, tree(depth)), .constant(0.25))
    }

    mutating func tree(_ depth: Int) -> TestExpression {
        if depth == 0 || Int.random(in: 0..<5, using: &rng) == 0 {
            if Int.random(in: 0..<4, using: &rng) == 0 {
                return .constant((Double.random(in: -2...2, using: &rng) * 4).rounded() / 4)
            }
            let i = Int.random(in: 0..<names.count, using: &rng)
            return .variable(i, names[i])
        }
        let d = depth - 1
        switch Int.random(in: 0..<21, using: &rng) {
        case 0: return .add(tree(d), tree(d))
        case 1: return .subtract(tree(d), tree(d))
        case 2, 3: return .multiply(tree(d), tree(d))
        case 4: return .divide(tree(d), positive(d))
        case 5: return .negate(tree(d))
        case 6:
            let exponents = [-1.5, -1, 0.5, 2, 3, 1.25]
            return .power(positive(d), .constant(exponents[Int.random(in: 0..<exponents.count, using: &rng)]))
        case 7: return .power(tree(d), .constant(Double(Int.random(in: 2...3, using: &rng))))
        case 8: return .power(positive(d), .function(.tanh, tree(d)))
        case 9: return .function([.sin, .cos, .atan].randomElement(using: &rng)!, tree(d))
        case 10: return .function(.tan, .function(.tanh, tree(d)))
        case 11: return .function([.asin, .acos].randomElement(using: &rng)!,
                                  .multiply(.constant(0.9), .function(.tanh, tree(d))))
        case 12: return .function(.exp, .function(.sin, tree(d)))
        case 13: return .function(.log, positive(d))
        case 14: return .function(.sqrt, positive(d))
        case 15: return .function(.abs, tree(d))
        case 16: return .function(.tanh, tree(d))
        case 17: return .function(.sigmoid, tree(d))
        case 18: return .function(.relu, tree(d))
        case 19: return .function(.softplus, tree(d))
        default:
            return Bool.random(using: &rng) ? .maximum(tree(d), tree(d)) : .minimum(tree(d), tree(d))
        }
    }

    mutating func function(depth: Int) -> TestFunction {
        TestFunction(parameterNames: names, body: tree(depth))
    }

    /// A point away from 0 in each coordinate, in [-1.5, -0.2] ∪ [0.2, 1.5].
    mutating func point() -> [Double] {
        names.map { _ in
            let magnitude = Double.random(in: 0.2...1.5, using: &rng)
            return Bool.random(using: &rng) ? magnitude : -magnitude
        }
    }
}
