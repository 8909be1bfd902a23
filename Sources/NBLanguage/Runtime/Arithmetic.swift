import NBDocument
import Foundation
import NBLearning
import NBAutodiff

/// Operators on values: numbers, tensors (broadcasting), dual numbers, strings and booleans.
enum Arithmetic {
    /// `x op y` for a comparison operator (`==`, `!=`, `<`, `<=`, `>`, `>=`) on two plain numbers.
    @inline(__always)
    static func compare(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, limit: Budget,
                       at location: TextLocation) throws(LanguageError) -> Value {
        // The common case first: two plain numbers.
        if case .number(let a) = lhs, case .number(let b) = rhs {
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return .number(a / b)
            case .power: return .number(Foundation.pow(a, b))
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return .bool(compare(op, a, b))
            case .matmul: throw mismatch(op, lhs, rhs, at: location, hint: "@ multiplies matrices; use * for numbers")
            case .and, .or: throw mismatch(op, lhs, rhs, at: location)
            }
        }
        // Then numbers of `grad`'s reverse sweep (a differentiated loop), before any tuple switch.
        if let result = ReverseScalar.binary(op, lhs, rhs) { return result }
        switch (lhs, rhs) {
        case (.traced, _), (_, .traced):
            return try tracedBinary(op, lhs, rhs, limit: limit, at: location)
        case (.dual, _), (_, .dual):
            guard let a = dual(lhs), let b = dual(rhs) else { throw mismatch(op, lhs, rhs, at: location) }
            return try dualOperation(op, a, b, lhs, rhs, at: location)
        case (.string(let a), .string(let b)):
            switch op {
            case .add:
                guard a.utf8.count + b.utf8.count <= limit.maximumElements else {
                    throw LanguageError(.limit, "a string longer than \(limit.maximumElements) bytes", at: location)
                }
                return .string(a + b)
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            default: throw mismatch(op, lhs, rhs, at: location)
            }
        case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual:
            return .bool((a == b) == (op == .equal))
        default:
            break
        }
        for operand in [lhs, rhs] {
            guard case .range(let r) = operand else { continue }
            do { try limit.check([r.count]) } catch { throw LanguageError(error, at: location) }
        }
        guard let a = numeric(lhs), let b = numeric(rhs) else { throw mismatch(op, lhs, rhs, at: location) }
        if op == .matmul {
            // One BLAS call on the worker team, checking the deadline between slabs (as `train`).
            return try tensorResult(at: location) { try Tensor.matmul(a, b, budget: limit) }
        }
        guard let operation = elementwise(op) else {
            throw LanguageError(.runtime, "'\(op.rawValue)' compares numbers, not tensors", at: location,
                                hint: "use close(a, b) to compare tensors")
        }
        return try tensorResult(at: location) {
            if a.shape != b.shape { try limit.check(try Broadcasting.shape(a.shape, b.shape)) }
            return try a.combined(with: b, operation)
        }
    }

    /// Runs the learning library's tensor kernels, turning their errors into errors at `location`.
    private static func tensorResult(at location: TextLocation, _ body: () throws -> Tensor<Double>) throws(LanguageError) -> Value {
        do { return Value.from(try TensorError.catching(body)) } catch {
            throw LanguageError(error, at: location)
        }
    }

    static func unary(_ op: UnaryOperator, _ operand: Value, at location: TextLocation) throws(LanguageError) -> Value {
        switch (op, operand) {
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .dual(let d)): return .dual(-d)
        case (.negate, .traced(let box)):
            if let x = box.reverseScalar { return ReverseScalar.value(-x) }
            do { return try box.storage.negated() } catch {
                throw LanguageError(error, at: location)
            }
        case (.negate, _):
            if let t = numeric(operand) { return Value.from(t.map(.negate)) }
        case (.not, .bool(let b)): return .bool(!b)
        case (.not, .condition(let c)): return .condition(!c)
        default: break
        }
        throw LanguageError(.runtime, "'\(op.rawValue)' cannot be applied to a \(operand.typeName)", at: location)
    }

    /// Numbers, tensors and ranges as tensors (booleans are not numbers here).
    private static func numeric(_ value: Value) -> Tensor<Double>? {
        switch value {
        case .number, .tensor, .range: return value.asTensor
        default: return nil
        }
    }

    private static func dual(_ value: Value) -> DualNumber? {
        switch value {
        case .dual(let d): return d
        case .number(let x): return DualNumber.constant(x)
        default: return nil
        }
    }

    private static func elementwise(_ op: BinaryOperator) -> BinaryOperation? {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        default: return nil
        }
    }

    private static func dualOperation(_ op: BinaryOperator, _ a: DualNumber, _ b: DualNumber, _ lhs: Value, _ rhs: Value,
                                      at location: TextLocation) throws(LanguageError) -> Value {
        switch op {
        case .add: return .dual(a + b)
        case .subtract: return .dual(a - b)
        case .multiply: return .dual(a * b)
        case .divide: return .dual(a / b)
        case .power: return .dual(DualNumber.power(a, b))
        case .equal: return .bool(a.value == b.value && a.tangent == b.tangent)
        case .notEqual: return .bool(!(a.value == b.value && a.tangent == b.tangent))
        case .less: return .bool(a.value < b.value)
        case .lessEqual: return .bool(a.value <= b.value)
        case .greater: return .bool(a.value > b.value)
        case .greaterEqual: return .bool(a.value >= b.value)
        case .matmul, .and, .or: throw mismatch(op, lhs, rhs, at: location)
        }
    }

    /// An operator with a traced operand: arithmetic in the wider of the two interpretations;
    /// comparisons on the primal values (branches follow the path actually executed), or, for
    /// symbolic numbers without one, a symbolic condition (`SymbolicComparisons`).
    private static func tracedBinary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, limit: Budget,
                                     at location: TextLocation) throws(LanguageError) -> Value {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or:
            guard let a = primalIfAny(lhs), let b = primalIfAny(rhs) else {
                if let condition = SymbolicComparisons.compare(op, lhs, rhs) { return condition }
                let tensor = lhs.typeName == "tensor" || rhs.typeName == "tensor"
                throw noSymbolicForm("'\(op.rawValue)' on a \(tensor ? "tensor" : "value")", at: location)
            }
            return try binary(op, a, b, limit: limit, at: location)
        default:
            break
        }
        do {
            if case .traced(let box) = lhs, let result = try box.storage.combine(op, rhs, tracedOnLeft: true, limit: limit) {
                return result
            }
            if case .traced(let box) = rhs, let result = try box.storage.combine(op, lhs, tracedOnLeft: false, limit: limit) {
                return result
            }
        } catch {
            throw LanguageError(error, at: location)
        }
        throw mismatch(op, lhs, rhs, at: location,
                       hint: "only numbers and tensors can be combined with a value that is differentiated")
    }

    /// What a comparison, a range or an index sees of a traced value: its primal value. A
    /// symbolic value has none; the error names `what` needed it (`'<' on a tensor`, `a range`).
    static func primal(_ value: Value, _ what: @autoclosure () -> String, at location: TextLocation) throws(LanguageError) -> Value {
        guard let primal = primalIfAny(value) else { throw noSymbolicForm(what(), at: location) }
        return primal
    }

    /// The value itself, or a traced value's primal value; nil for a symbolic one.
    private static func primalIfAny(_ value: Value) -> Value? {
        guard case .traced(let box) = value else { return value }
        return box.storage.primal.map(Value.from)
    }

    private static func noSymbolicForm(_ what: String, at location: TextLocation) -> LanguageError {
        LanguageError(.runtime, "\(what) that depends on the variable has no symbolic form", at: location,
                      hint: "derivative(f) turns an if on numbers into a piecewise formula, but nothing else that depends on "
                          + "the variable; grad, jvp and numgrad follow the path actually taken")
    }

    private static func mismatch(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, at location: TextLocation,
                                 hint: String? = nil) -> LanguageError {
        LanguageError(.runtime, "'\(op.rawValue)' cannot combine a \(lhs.typeName) and a \(rhs.typeName)", at: location, hint: hint)
    }
}
