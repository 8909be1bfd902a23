import NBLearning
import NBAutodiff

/// `print`, `close`, `dual`, `load`.
public enum CoreBuiltins {
    public static let all: [Builtin] = [
        Builtin("print", usage: "print(a, b, …)") { call throws(LanguageError) in
            try call.expect(0...Int.max)
            call.emit(.printed(call.positional.map(\.printText).joined(separator: " ")))
            return .nothing
        },
        Builtin("dual", usage: "dual(a, b)  # the dual number a + bε") { call throws(LanguageError) in
            try call.expect(2)
            return .dual(DualNumber(try call.number(0, "the value a"), tangent: try call.number(1, "the derivative part b")))
        },
        Builtin("close", usage: "close(a, b, rtol: 1e-9, atol: 0)") { call throws(LanguageError) in
            try call.expect(2, labels: ["rtol", "atol"])
            let rtol = try call.number(label: "rtol", default: 1e-9)
            let atol = try call.number(label: "atol", default: 0)
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
        Builtin("load", usage: "load(\"data.csv\")  # a CSV of numbers inside the notebook's folder") { call throws(LanguageError) in
            try call.expect(1)
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
