import Foundation
import NBLearning
import Testing
@testable import NBLanguage

/// Random programs — blocks, local bindings, `if`, loops, closures — run by every interpretation:
/// the plain value and `valuegrad`'s value agree to 1e-12; reverse mode (`grad`), forward mode
/// (`jvp`), central differences (`numgrad`), the symbolic derivative (piecewise) and the Hessian
/// against grad of grad all agree.
@Suite struct RandomProgramTests {
    /// The project's seeded generator: the same programs on every machine.
    struct Generator {
        var random: SeededGenerator
        init(state: UInt64) { random = SeededGenerator(seed: state) }
        mutating func below(_ n: Int) -> Int { random.nextIndex(below: n) }
        mutating func constant() -> String { ["0.5", "1.5", "2", "0.3", "3"][below(5)] }
    }

    /// A smooth expression over `names` (depth-bounded), with branches only at statement level
    /// so the functions are differentiable away from measure-zero switching points.
    static func expression(_ g: inout Generator, _ names: [String], depth: Int) -> String {
        let leaf = { (g: inout Generator) -> String in g.below(3) == 0 ? g.constant() : names[g.below(names.count)] }
        guard depth > 0 else { return leaf(&g) }
        let a = expression(&g, names, depth: depth - 1), b = expression(&g, names, depth: depth - 1)
        switch g.below(9) {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2: return "(\(a) * \(b))"
        case 3: return "sin(\(a))"
        case 4: return "tanh(\(a))"
        case 5: return "exp(0.3 * tanh(\(a)))"
        case 6: return "(\(a) / (2 + \(b)^2))"
        case 7: return "((t -> t * \(a))(\(b)))"
        default: return "sqrt(1 + \(a)^2)"
        }
    }

    /// A function body: a block with bindings, a loop, an `if` whose branches differ, and a value.
    static func program(_ g: inout Generator) -> String {
        var names = ["x"]
        var lines: [String] = []
        for k in 0..<(1 + g.below(3)) {
            let name = "v\(k)"
            lines.append("\(name) = \(expression(&g, names, depth: 2))")
            names.append(name)
        }
        if g.below(2) == 0 {
            lines.append("for i in 1...\(1 + g.below(3)) { \(names.last ?? "x") = \(names.last ?? "x") + \(expression(&g, names + ["i"], depth: 1)) / 4 }")
        }
        let condition = "\(names[g.below(names.count)]) > \(g.constant())"
        lines.append("w = if \(condition) { \(expression(&g, names, depth: 2)) } else { \(expression(&g, names, depth: 2)) }")
        names.append("w")
        lines.append(expression(&g, names, depth: 1))
        return "f(x) = {\n  " + lines.joined(separator: "\n  ") + "\n}"
    }

    static func number(_ outcome: CellOutcome, _ index: Int) -> Double? {
        guard index < outcome.items.count else { return nil }
        return Double(outcome.items[index].transcript)
    }

    @Test func everyInterpretationAgrees() throws {
        var g = Generator(state: 20261202)
        var checked = 0
        for _ in 0..<60 {
            let source = Self.program(&g)
            let x0 = [-1.3, -0.4, 0.2, 0.7, 1.6][g.below(5)]
            let point = NumberFormat.format(x0)
            let cell = """
            \(source)
            f(\(point))
            valuegrad(f, \(point)).value
            grad(f, \(point))
            jvp(f, [\(point)], [1])
            numgrad(f, \(point))
            hessian(f, \(point))
            grad(z -> grad(f, z), \(point))
            """
            let outcome = run(cell)[0]
            try #require(outcome.error == nil, "\(source)\n\(outcome.error?.message ?? "")")
            let values = (0..<7).compactMap { Self.number(outcome, $0) }
            try #require(values.count == 7, "\(source)\n\(outcome.transcript)")
            let (value, value2, reverse, forward, numeric, hessian, gradOfGrad) =
                (values[0], values[1], values[2], values[3], values[4], values[5], values[6])
            // Transcripts print 10 significant digits: compare at that precision, except where
            // the two numbers come from one computation.
            let printed = 1e-9
            #expect(value == value2, "\(source)")
            #expect(Swift.abs(reverse - forward) <= printed * Swift.max(1, Swift.abs(reverse)), "\(source)")
            #expect(Swift.abs(reverse - numeric) <= 1e-6 * Swift.max(1, Swift.abs(reverse)), "\(source)")
            #expect(Swift.abs(hessian - gradOfGrad) <= printed * Swift.max(1, Swift.abs(hessian)), "\(source)")
            checked += 1
        }
        #expect(checked == 60)
    }

    @Test func theSymbolicDerivativeAgreesWithTheBranchTaken() {
        // derivative(f) joins the branches of the program's if into a piecewise formula; at each
        // point its value is the derivative of the branch taken there.
        var g = Generator(state: 20261208)
        for _ in 0..<30 {
            let source = Self.program(&g)
            let cell = """
            \(source)
            d = derivative(f)
            ok = true
            for p in [-1.3, -0.4, 0.2, 0.7, 1.6] { ok = ok && close(d(p), grad(f, p), rtol: 1e-9, atol: 1e-12) }
            ok
            """
            #expect(transcript(cell) == "true", "\(source)")
        }
    }

    @Test func exactAgreementThroughClose() {
        // Within one cell the methods can be compared without printing: 1e-12 relative.
        var g = Generator(state: 7)
        for _ in 0..<20 {
            let source = Self.program(&g)
            let cell = """
            \(source)
            a = grad(f, 0.6)
            b = jvp(f, [0.6], [1])
            h = hessian(f, 0.6)
            k = grad(z -> grad(f, z), 0.6)
            [close(a, b, rtol: 1e-12, atol: 1e-14), close(h, k, rtol: 1e-12, atol: 1e-14), f(0.6) == valuegrad(f, 0.6).value]
            """
            #expect(transcript(cell) == "[true, true, true]", "\(source)")
        }
    }
}
