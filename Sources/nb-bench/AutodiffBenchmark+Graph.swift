import Foundation
import NBAutodiff

/// The benchmark's scalar graph, defined identically in Tests/Peers/autodiff_micrograd.py:
/// 100 inputs xᵢ = 0.05 + (i mod 10)/10, then steps until `nodes` operations; each step takes
/// the previous node `a` and a node `b` from the 16 before it (chosen by a 64-bit LCG) and is
/// one of a·b, √a (micrograd: a**0.5), (a + b)·0.5 (two operations), relu(a), √a. Every value
/// stays in (0, 1], so no step overflows, and every node is reachable from the output.
struct BenchmarkGraph {
    enum Kind: UInt8 { case product, squareRoot, mean, relu }
    struct Step { var kind: Kind; var back: Int32 }

    let steps: [Step]
    let operationCount: Int
    static let inputCount = 100

    init(nodes: Int) {
        var state: UInt64 = 42
        var steps = [Step]()
        var operations = 0
        while operations < nodes {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = state >> 33
            let kinds: [Kind] = [.product, .squareRoot, .mean, .relu, .squareRoot]
            let kind = kinds[Int(r % 5)]
            steps.append(Step(kind: kind, back: Int32(2 + (r >> 2) % 16)))
            operations += kind == .mean ? 2 : 1
        }
        self.steps = steps
        operationCount = operations
    }

    var inputs: [Double] { (0..<Self.inputCount).map { 0.05 + Double($0 % 10) / 10 } }

    /// Evaluates the graph on any scalar; `values` is scratch space.
    @inline(__always)
    func evaluate<S: DifferentiableScalar>(_ inputs: [S]) -> S {
        var values = inputs
        values.reserveCapacity(inputs.count + steps.count)
        let half = S(0.5)
        for step in steps {
            let a = values[values.count - 1]
            let b = values[values.count - Int(step.back)]
            let v: S
            switch step.kind {
            case .product: v = a * b
            case .squareRoot: v = S.apply(.sqrt, a)
            case .mean: v = (a + b) * half
            case .relu: v = S.apply(.relu, a)
            }
            values.append(v)
        }
        return values[values.count - 1]
    }

    struct Timing { var forward: Double; var backward: Double; var total: Double; var output: Double }

    /// Median over repeats, in ns per operation.
    func measureReverse(repeats: Int) -> Timing {
        var samples = [(Double, Double, Double)]()
        for _ in 0..<repeats {
            let tape = Tape<Double>(capacity: operationCount + Self.inputCount + 16)
            let t0 = cpuNanoseconds()
            let xs = inputs.map { tape.variable($0) }
            let y = evaluate(xs)
            let t1 = cpuNanoseconds()
            let g = tape.gradient(of: y, withRespectTo: xs)
            let t2 = cpuNanoseconds()
            withExtendedLifetime((tape, g)) {}
            samples.append((Double(t1 - t0), Double(t2 - t1), y.value))
        }
        let n = Double(operationCount)
        let forward = median(samples.map(\.0)) / n, backward = median(samples.map(\.1)) / n
        return Timing(forward: forward, backward: backward, total: forward + backward, output: samples[0].2)
    }

    /// The same graph behind the `ScalarFunction` protocol (what the cell language uses).
    func measureThroughScalarFunction(repeats: Int) -> Timing {
        let f = GraphFunction(graph: self)
        var samples = [Double]()
        var output = Double.nan
        for _ in 0..<repeats {
            let t0 = cpuNanoseconds()
            output = (try? valueAndGradient(of: f, at: inputs).value) ?? .nan
            samples.append(Double(cpuNanoseconds() - t0))
        }
        let total = median(samples) / Double(operationCount)
        return Timing(forward: .nan, backward: .nan, total: total, output: output)
    }

    func measurePlainDoubles(repeats: Int) -> Timing {
        var samples = [Double]()
        var output = Double.nan
        for _ in 0..<repeats {
            let t0 = cpuNanoseconds()
            output = evaluate(inputs)
            samples.append(Double(cpuNanoseconds() - t0))
        }
        let total = median(samples) / Double(operationCount)
        return Timing(forward: total, backward: 0, total: total, output: output)
    }
}

struct GraphFunction: ScalarFunction {
    let graph: BenchmarkGraph
    var parameterNames: [String] { (0..<BenchmarkGraph.inputCount).map { "x\($0)" } }
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S { graph.evaluate(arguments) }
}

/// CPU time of the calling thread: the machine is shared, so wall time mostly measures the
/// neighbours; the Python peers report CPU time (`time.process_time`) too.
func cpuNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[s.count / 2]
}

/// The symbolic swell figures for the nested expression.
enum SymbolicSwell {
    struct Nested: ScalarFunction {
        let depth: Int
        let parameterNames = ["x"]
        func evaluate<S: DifferentiableScalar>(_ a: [S]) throws -> S {
            var f = a[0]
            for _ in 0..<depth { f = S.apply(.sin, f) * f + S.apply(.exp, f / S(2)) }
            return f
        }
    }

    struct Figures { var fTree, fDAG, dTree, dDAG: Int; var seconds: Double }

    /// Median time of building f and differentiating it (hash-consed, simplified).
    static func measure(depth: Int, repeats: Int) -> Figures {
        var samples = [Double]()
        var last: (SymbolicExpression, SymbolicExpression)?
        for _ in 0..<repeats {
            let t0 = cpuNanoseconds()
            guard let f = try? symbolicExpression(of: Nested(depth: depth)) else { break }
            let d = f.derivative(withRespectTo: "x")
            samples.append(Double(cpuNanoseconds() - t0) / 1e9)
            last = (f, d)
        }
        guard let (f, d) = last else { return Figures(fTree: 0, fDAG: 0, dTree: 0, dDAG: 0, seconds: .nan) }
        return Figures(fTree: f.treeNodeCount, fDAG: f.nodeCount, dTree: d.treeNodeCount,
                       dDAG: d.nodeCount, seconds: median(samples))
    }
}
