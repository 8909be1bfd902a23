import NBAutodiff

/// `swell(f, g, …)`: how big symbolic derivatives get (expression swell), as a table.
public enum SwellBuiltin {
    public static let all: [Builtin] = [
        Builtin("swell", .differentiation,
            summary: "How big symbolic derivatives get (expression swell), as a table.",
            parameters: [.variadic("functions", .function, atLeastOne: true)],
            discussion: #"""
            For each function: its size, and the size of its derivative written out as a tree and as a shared DAG.
            """#,
            examples: [
                BuiltinExample("swell", #"""
                swell(x -> x * sin(x) * exp(x), x -> sin(sin(sin(x))))
                """#, output: #"""
                Expression swell of the symbolic derivative
                function  nodes of f  f′ as a tree  f′ as a DAG  DAG / f
                --------  ----------  ------------  -----------  -------
                lambda    5           18            10           2
                lambda    4           11            8            2
                """#),
            ]) { call throws(LanguageError) in
            guard call.positional.count <= 64 else { throw call.error("compares at most 64 functions, got \(call.positional.count)") }
            var rows: [[String]] = []
            for index in call.positional.indices {
                let f = try call.scalarFunction(index)
                guard let parameter = f.parameterNames.first else {
                    throw call.error("\(call.functionName(index)) has no parameters", at: call.location(of: index))
                }
                let (size, tree, dag) = try call.engine { () throws -> (Int, Int, Int) in
                    let symbolic = try SymbolicFunction(of: f, name: call.functionName(index))
                    let derivative = try symbolic.derivative(withRespectTo: parameter).expression
                    return (symbolic.expression.nodeCount, derivative.treeNodeCount, derivative.nodeCount)
                }
                let ratio = Double(dag) / Double(max(size, 1))
                rows.append([call.functionName(index), "\(size)", tree == Int.max ? "overflow" : "\(tree)", "\(dag)",
                             NumberFormat.format(ratio)])
            }
            return .display(.table(DisplayTable(
                caption: "Expression swell of the symbolic derivative",
                columns: ["function", "nodes of f", "f′ as a tree", "f′ as a DAG", "DAG / f"], rows: rows)))
        },
    ]
}
