// `swift run -c release nb-bench autodiff [--nodes N] [--repeats R] [--depth D] [--sympy-timeout S] [--no-peers] [--tape-only]`
//
// 1. Reverse mode over a scalar graph of N (default 10⁵) operations, forward recording plus
//    one backward sweep, in ns per node — against micrograd on the same graph in the same run
//    (Tests/Peers/autodiff_micrograd.py, when python3 and micrograd are installed).
// 2. Symbolic derivative of the depth-D (default 12) nested expression
//    f₍ₖ₊₁₎ = sin(fₖ)·fₖ + exp(fₖ/2): node counts (f, f′ as a tree, f′ as a DAG) and time,
//    for depths 4, 6, …, D against SymPy `diff` with and without `cse`
//    (Tests/Peers/autodiff_sympy_nested.py), which stops at the first depth that takes longer
//    than S seconds (default 60; SymPy's diff is exponential in the depth here).
import Foundation
import NBAutodiff

enum AutodiffBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = Options(arguments)
        let peers = options.flag("--no-peers") ? nil : PeerRunner()
        let nodes = options.int("--nodes") ?? 100_000
        let repeats = options.int("--repeats") ?? 15
        let depth = options.int("--depth") ?? 12

        let graph = BenchmarkGraph(nodes: nodes)
        let reverse = graph.measureReverse(repeats: repeats)
        if options.flag("--tape-only") {
            print("tape: forward \(fmt(reverse.forward)) ns/node, backward \(fmt(reverse.backward)) ns/node")
            return
        }
        let generic = graph.measureThroughScalarFunction(repeats: Swift.max(3, repeats / 3))
        let plain = graph.measurePlainDoubles(repeats: repeats)
        let micrograd = peers?.json("autodiff_micrograd.py", [String(nodes), "3"])

        print("All times are CPU time of the measuring thread/process (the machine is shared).\n")
        print("Reverse mode, scalar graph of \(graph.operationCount) operations (\(graph.steps.count) steps, 100 inputs)")
        var table = [["method", "forward ns/node", "backward ns/node", "total ns/node", "output"]]
        table.append(["nb tape (direct)", fmt(reverse.forward), fmt(reverse.backward), fmt(reverse.total), fmt(reverse.output, 10)])
        table.append(["nb via ScalarFunction", "", "", fmt(generic.total), fmt(generic.output, 10)])
        table.append(["plain Double, no tape", fmt(plain.total), "", fmt(plain.total), fmt(plain.output, 10)])
        if let m = micrograd, let f = m["forward_s"] as? Double, let b = m["backward_s"] as? Double,
           let n = m["nodes"] as? Double {
            let out = (m["output"] as? Double) ?? .nan
            table.append(["micrograd (python)", fmt(f / n * 1e9), fmt(b / n * 1e9), fmt((f + b) / n * 1e9), fmt(out, 10)])
            table.append(["speed-up vs micrograd", "", "", "\(fmt((f + b) / n * 1e9 / reverse.total))×", ""])
        } else {
            table.append(["micrograd (python)", "not run", "", "", ""])
        }
        printTable(table)

        print("\nSymbolic derivative of the nested expression f(k+1) = sin(f(k))*f(k) + exp(f(k)/2), f(0) = x")
        let sympyTimeout = Double(options.int("--sympy-timeout") ?? 60)
        var sTable = [["depth", "f DAG", "f' tree", "f' DAG", "f'/f DAG", "nb ms",
                       "SymPy f' DAG", "SymPy diff ms", "diff+cse ms", "cse size", "vs diff"]]
        var sympyGaveUp = peers == nil
        var depths = Array(stride(from: Swift.min(4, depth), through: depth, by: 2))
        if depths.last != depth { depths.append(depth) }
        for d in depths {
            let nb = SymbolicSwell.measure(depth: d, repeats: Swift.max(3, repeats / 3))
            var row = ["\(d)", "\(nb.fDAG)", "\(nb.dTree)", "\(nb.dDAG)",
                       fmt(Double(nb.dDAG) / Double(nb.fDAG)), fmt(nb.seconds * 1000)]
            let sympy = sympyGaveUp ? nil
                : peers?.json("autodiff_sympy_nested.py", [String(d), "1"], timeout: sympyTimeout)
            if let s = sympy, let diff = s["diff_s"] as? Double, let cse = s["diff_cse_s"] as? Double {
                row += [(s["fprime_dag"] as? Int).map(String.init) ?? "?", fmt(diff * 1000), fmt(cse * 1000),
                        (s["cse_tree_size"] as? Int).map(String.init) ?? "?", "\(fmt(diff / nb.seconds))×"]
            } else {
                row += [sympyGaveUp ? "–" : "> \(Int(sympyTimeout)) s", "", "", "", ""]
                sympyGaveUp = true
            }
            sTable.append(row)
        }
        printTable(sTable)
        print("(f' tree: nodes with every shared subexpression written out; SymPy's cse size: replacements + reduced tree)")
    }

    static func fmt(_ x: Double, _ digits: Int = 3) -> String {
        if x.isNaN || x.isInfinite { return NumberFormatting.text(x) }
        if digits > 3 { return String(format: "%.\(digits)g", x) }
        if Swift.abs(x) >= 100 { return String(format: "%.0f", x) }
        return String(format: "%.3g", x)
    }

    static func printTable(_ rows: [[String]]) {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for (i, row) in rows.enumerated() {
            print(row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  "))
            if i == 0 { print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
    }
}

/// Minimal `--name value` / `--flag` parsing.
struct Options {
    let arguments: [String]
    init(_ arguments: [String]) { self.arguments = arguments }
    func flag(_ name: String) -> Bool { arguments.contains(name) }
    func int(_ name: String) -> Int? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return Int(arguments[i + 1])
    }
}
