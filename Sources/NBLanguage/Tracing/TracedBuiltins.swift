import NBLearning
import NBAutodiff

/// Builtins called with a value that is being differentiated: the elementary functions, `min`,
/// `max`, `sum`, `mean`, `transpose`, `reshape`, `shape`, `print`, and the differentiation
/// builtins themselves (which then nest). Any other builtin stops with an error that names it.
enum TracedBuiltins {
    /// Builtins whose own bodies accept traced values.
    private static let passThrough: Set<String> = ["print", "grad", "valuegrad", "jvp", "hessian", "jacobian", "derivative"]

    static func call(_ call: BuiltinCall) throws(LanguageError) -> Value {
        let name = call.builtin.name
        if passThrough.contains(name) { return try call.builtin.body(call) }
        let arguments = call.positional
        func run(_ body: () throws(TensorError) -> Value) throws(LanguageError) -> Value {
            try call.interpreter.tensorOperation(at: call.location, body)
        }
        if let function = ElementaryFunction(rawValue: name) {
            let t = try traced(arguments[0], call)
            return try run { () throws(TensorError) in try t.applying(function) }
        }
        switch name {
        case "min", "max":
            if arguments.count == 1 {
                let t = try traced(arguments[0], call)
                return try run { () throws(TensorError) in try t.extreme(largest: name == "max") }
            }
            for (i, argument) in arguments.enumerated() {
                guard case .traced(let box) = argument else { continue }
                let result = try call.interpreter.tensorOperation(at: call.location) { () throws(TensorError) in
                    try box.storage.extremum(arguments[1 - i], largest: name == "max", tracedOnLeft: i == 0, limit: call.budget)
                }
                if let result { return result }
            }
            throw call.error("cannot combine values of two differentiations")
        case "sum", "mean":
            let axis = try call.optionalNumber(label: "axis").map { Int($0) }
            let t = try traced(arguments[0], call)
            return try run { () throws(TensorError) in try t.reduced(mean: name == "mean", axis: axis) }
        case "logsumexp":
            let axis = try call.optionalNumber(label: "axis").map { Int($0) }
            let t = try traced(arguments[0], call)
            return try run { () throws(TensorError) in try t.logSumExp(axis: axis) }
        case "transpose":
            let t = try traced(arguments[0], call)
            return try run { () throws(TensorError) in try t.transposed() }
        case "shape":
            return .tensor(Tensor<Double>(try traced(arguments[0], call).shape.map(Double.init)))
        case "reshape":
            let t = try traced(arguments[0], call)
            var shape: [Int] = []
            for index in 1..<arguments.count {
                let value = Value.from(try call.tensor(index, "the shape"))
                if let list = value.asTensor { shape.append(contentsOf: list.scalars.map { Int($0) }) }
            }
            if let inferred = shape.firstIndex(of: -1) {
                let known = shape.enumerated().filter { $0.offset != inferred }.reduce(1) { $0 * $1.element }
                if known > 0, t.count % known == 0 { shape[inferred] = t.count / known }
            }
            guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == t.count else {
                throw call.error("cannot reshape shape \(TensorError.format(t.shape)) (\(t.count) elements) into \(TensorError.format(shape))")
            }
            return try run { () throws(TensorError) in try t.reshaped(shape) }
        default:
            throw call.error("the builtin '\(name)' cannot be used on a value that is being differentiated",
                             hint: "differentiated functions use + - * / ^ @, elementary functions, min, max, sum, mean, transpose, reshape")
        }
    }

    private static func traced(_ value: Value, _ call: BuiltinCall) throws(LanguageError) -> any TracedStorage {
        if case .traced(let box) = value { return box.storage }
        throw call.error("expects a number or tensor being differentiated here, got a \(value.typeName)")
    }
}
