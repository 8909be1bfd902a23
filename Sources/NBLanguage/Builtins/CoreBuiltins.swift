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
        Builtin("close", usage: "close(a, b, rtol: 1e-9, atol: 0)  # numbers, tensors or dual numbers") { call throws(LanguageError) in
            try call.expect(2, labels: ["rtol", "atol"])
            let rtol = try call.number(label: "rtol", default: 1e-9)
            let atol = try call.number(label: "atol", default: 0)
            func near(_ x: Double, _ y: Double) -> Bool {
                (x == y || Swift.abs(x - y) <= atol + rtol * Swift.abs(y)) && !x.isNaN && !y.isNaN
            }
            // Dual numbers: both parts must be close (a plain number is a dual with tangent 0).
            switch (call.positional[0], call.positional[1]) {
            case (.dual(let x), .dual(let y)): return .bool(near(x.value, y.value) && near(x.tangent, y.tangent))
            case (.dual(let x), .number(let y)): return .bool(near(x.value, y) && near(x.tangent, 0))
            case (.number(let x), .dual(let y)): return .bool(near(x, y.value) && near(0, y.tangent))
            default: break
            }
            let a = try call.tensor(0, "a"), b = try call.tensor(1, "b")
            let verdicts: TensorValue
            do throws(TensorError) {
                verdicts = try TensorValue.zip(a, b, limit: call.elementLimit) { x, y in near(x, y) ? 1 : 0 }
            } catch {
                throw call.tensorError(error)
            }
            return .bool(verdicts.elements.allSatisfy { $0 == 1 })
        },
        Builtin("load", usage: "load(\"data.csv\")  # a CSV of numbers inside the notebook's folder") { call throws(LanguageError) in
            try call.expect(1)
            let path = try call.string(0, "the path")
            let text = try SandboxedFiles.read(path, call: call)
            return try CSVTable.parse(text, path: path, call: call)
        },
    ]
}
