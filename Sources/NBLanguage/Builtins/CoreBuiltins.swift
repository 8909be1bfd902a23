import NBLearning
import NBAutodiff

/// `print`, `close`, `dual`, `load`.
public enum CoreBuiltins {
    public static let all: [Builtin] = [
        Builtin("print", .values,
            summary: "Writes its arguments on one line, separated by spaces; strings without quotes.",
            parameters: [.variadic("values", .any)],
            examples: [
                BuiltinExample("print", #"""
                print("x =", 2, [1, 2])
                """#, output: #"""
                x = 2 [1, 2]
                """#),
            ]) { call throws(LanguageError) in
            call.emit(.printed(call.positional.map(\.printText).joined(separator: " ")))
            return .nothing
        },
        Builtin("dual", .values,
            summary: "The dual number a + bε (see [Dual numbers](#dual-numbers)).",
            parameters: [.positional("a", .number), .positional("b", .number)],
            examples: [
                BuiltinExample("dual", #"""
                dual(2, 1)^3
                """#, output: #"""
                8 + 12ε
                """#),
            ]) { call throws(LanguageError) in
            return .dual(DualNumber(try call.number(0, "the value a"), tangent: try call.number(1, "the derivative part b")))
        },
        Builtin("close", .values,
            summary: "True when every element satisfies |a − b| ≤ atol + rtol·|b| (broadcasting; nan is never close).",
            parameters: [
                .positional("a", .numeric),
                .positional("b", .numeric),
                .labelled("rtol", .number, default: 1e-9),
                .labelled("atol", .number, default: 0),
            ],
            discussion: #"""
            Dual numbers are close when both parts are.
            """#,
            examples: [
                BuiltinExample("close", #"""
                close(0.1 + 0.2, 0.3)
                close([1, 2], [1, 2.001], rtol: 1e-2)
                close(0/0, 0/0)
                """#, output: #"""
                true
                true
                false
                """#),
            ]) { call throws(LanguageError) in
            let rtol = try call.number(label: "rtol")
            let atol = try call.number(label: "atol")
            if let duals = dualPair(call.positional[0], call.positional[1]) {
                // Dual numbers are close when both parts are.
                func near(_ x: Double, _ y: Double) -> Bool {
                    !x.isNaN && !y.isNaN && (x == y || Swift.abs(x - y) <= atol + rtol * Swift.abs(y))
                }
                return .bool(near(duals.0.value, duals.1.value) && near(duals.0.tangent, duals.1.tangent))
            }
            let a = try call.tensor(0, "a"), b = try call.tensor(1, "b")
            let verdicts: [Bool]
            do throws(TensorError) {
                verdicts = try Broadcasting.zip(a.shape, a.scalars, b.shape, b.scalars, budget: call.budget) { x, y in
                    (x == y || Swift.abs(x - y) <= atol + rtol * Swift.abs(y)) && !x.isNaN && !y.isNaN
                }.elements
            } catch {
                throw call.tensorError(error)
            }
            return .bool(verdicts.allSatisfy { $0 })
        },
        Builtin("load", .values,
            summary: "Reads a CSV file of numbers, relative to the notebook's folder (and only inside it, see [Limits](#limits)).",
            parameters: [.positional("path", .string)],
            discussion: #"""
            A header row is skipped; one column gives a vector, several a matrix.
            """#,
            examples: [
                BuiltinExample("load", #"""
                pts = load("data/points.csv")
                pts
                """#, output: #"""
                [[0, 1], [1, 3], [2, 5]]
                """#),
            ]) { call throws(LanguageError) in
            let path = try call.string(0, "the path")
            let text = try SandboxedFiles.read(path, call: call)
            return try CSVTable.parse(text, path: path, call: call)
        },
    ]

    /// Both values as dual numbers when at least one is dual and the other a number or dual.
    private static func dualPair(_ a: Value, _ b: Value) -> (DualNumber, DualNumber)? {
        func dual(_ v: Value) -> DualNumber? {
            switch v {
            case .dual(let d): return d
            case .number(let x): return DualNumber.constant(x)
            default: return nil
            }
        }
        guard case .dual = a else {
            guard case .dual = b, let x = dual(a), let y = dual(b) else { return nil }
            return (x, y)
        }
        guard let x = dual(a), let y = dual(b) else { return nil }
        return (x, y)
    }
}
