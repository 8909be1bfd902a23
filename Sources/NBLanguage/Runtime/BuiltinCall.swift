import NBDocument
import NBLearning

/// One call of a builtin: its arguments, where it was written, and access to the running cell.
public struct BuiltinCall {
    public let builtin: Builtin
    /// Unlabelled arguments in order.
    public let positional: [Value]
    /// Labelled arguments (`h: 1e-5`).
    public let named: [String: Value]
    /// Location of the call, and of each positional / named argument.
    public let location: TextLocation
    let positionalLocations: [TextLocation]
    let namedLocations: [String: TextLocation]
    let interpreter: Interpreter
    /// Which of the builtin's forms the arguments fit (0 for the first).
    public internal(set) var form = 0

    // MARK: Errors

    /// An error about this call, with the builtin's usage as the hint.
    public func error(_ message: String, at location: TextLocation? = nil, hint: String? = nil) -> LanguageError {
        LanguageError(.runtime, "\(builtin.name): \(message)", at: location ?? self.location,
                      hint: hint ?? "usage: \(builtin.usage)")
    }

    /// A limit error (element limit, file access) about this call.
    public func limitError(_ message: String, hint: String? = nil) -> LanguageError {
        LanguageError(.limit, "\(builtin.name): \(message)", at: location, hint: hint)
    }

    func location(of index: Int) -> TextLocation {
        index < positionalLocations.count ? positionalLocations[index] : location
    }

    // MARK: Typed access

    /// The `index`-th unlabelled argument as a number.
    public func number(_ index: Int, _ what: String) throws(LanguageError) -> Double {
        try Self.number(positional[index], what: what, call: self, at: location(of: index))
    }

    /// A labelled number, its declared default when absent, or `defaultValue` when it has none.
    public func number(label: String, default defaultValue: Double) throws(LanguageError) -> Double {
        guard let value = labelled(label) else { return defaultValue }
        return try Self.number(value, what: "\(label):", call: self, at: namedLocations[label] ?? location)
    }

    /// A labelled number that may be absent.
    public func optionalNumber(label: String) throws(LanguageError) -> Double? {
        guard labelled(label) != nil else { return nil }
        return try number(label: label, default: 0)
    }

    /// A whole number (an index, a count, a seed) in the `index`-th position.
    public func integer(_ index: Int, _ what: String) throws(LanguageError) -> Int {
        try Self.integer(number(index, what), what: what, call: self, at: location(of: index))
    }

    /// A labelled whole number that may be absent.
    public func optionalInteger(label: String) throws(LanguageError) -> Int? {
        guard let x = try optionalNumber(label: label) else { return nil }
        return try Self.integer(x, what: "\(label):", call: self, at: namedLocations[label] ?? location)
    }

    /// The `seed:` argument as a generator seed; without one, the document's seed (front matter
    /// `nb: {seed: N}`, 0 by default), so the document seed reaches every builtin that draws random
    /// numbers. A negative seed counts as 0.
    public func seed() throws(LanguageError) -> UInt64 {
        guard let seed = try optionalInteger(label: "seed") else { return options.seed }
        return UInt64(Swift.max(0, seed))
    }

    /// A labelled string, or `defaultValue`.
    public func string(label: String, default defaultValue: String) throws(LanguageError) -> String {
        guard let value = labelled(label) else { return defaultValue }
        guard case .string(let text) = value else {
            throw error("\(label): must be a string, got a \(value.typeName)", at: namedLocations[label])
        }
        return text
    }

    /// The `index`-th argument as a string.
    public func string(_ index: Int, _ what: String) throws(LanguageError) -> String {
        guard case .string(let text) = positional[index] else {
            throw error("\(what) must be a string, got a \(positional[index].typeName)", at: location(of: index))
        }
        return text
    }

    /// The `index`-th argument as a tensor (numbers are 0-d tensors, ranges and number lists 1-d).
    /// A range is materialised only within the element limit.
    public func tensor(_ index: Int, _ what: String) throws(LanguageError) -> Tensor<Double> {
        if case .range(let r) = positional[index] { try checkElements([r.count]) }
        guard let tensor = positional[index].asTensor else {
            throw error("\(what) must be a number or tensor, got a \(positional[index].typeName)", at: location(of: index))
        }
        return tensor
    }

    /// A labelled tensor argument that may be absent.
    public func optionalTensor(label: String) throws(LanguageError) -> Tensor<Double>? {
        guard let value = labelled(label) else { return nil }
        if case .range(let r) = value { try checkElements([r.count]) }
        guard let tensor = value.asTensor else {
            throw error("\(label): must be a number or tensor, got a \(value.typeName)", at: namedLocations[label])
        }
        return tensor
    }

    static func number(_ value: Value, what: String, call: BuiltinCall, at location: TextLocation) throws(LanguageError) -> Double {
        switch value {
        case .number(let x): return x
        case .tensor(let t) where t.count == 1: return t.scalars[0]
        default: throw call.error("\(what) must be a number, got a \(value.typeName)", at: location)
        }
    }

    static func integer(_ x: Double, what: String, call: BuiltinCall, at location: TextLocation) throws(LanguageError) -> Int {
        guard x == x.rounded(), Swift.abs(x) < 1e15 else {
            throw call.error("\(what) must be a whole number, got \(NumberFormat.format(x))", at: location)
        }
        return Int(x)
    }

    // MARK: The running cell

    /// The cell's budget (element limit, deadline, cancellation, progress), for library loops; their
    /// progress reports name this builtin.
    public var budget: Budget {
        var budget = interpreter.elementLimit
        if let sink = budget.progress { budget.progress = BuiltinProgress(task: builtin.name, sink: sink) }
        return budget
    }

    /// Refuses a tensor of `shape` above the element limit, before it is allocated.
    public func checkElements(_ shape: [Int]) throws(LanguageError) {
        do { try interpreter.elementLimit.check(shape) } catch { throw tensorError(error) }
    }

    /// A budget failure of a library loop as an error at this call (a timeout reads as the cell's).
    public func budgetError(_ exceeded: BudgetExceeded) -> LanguageError {
        switch exceeded.reason {
        case .timeout, .cancelled: Interpreter.budgetError(exceeded, at: location)
        case .elements: limitError(Budget.message(exceeded), hint: "work on smaller tensors")
        case .iterations: limitError(Budget.message(exceeded))
        }
    }

    /// A labelled iteration count (`maxiter:`, `epochs:`, `rounds:`) with its declared default,
    /// refused above `Budget.maximumIterations` with an error naming the argument.
    public func iterations(label: String) throws(LanguageError) -> Int {
        let count = try integer(label: label)
        do { try Budget.checkIterations(count, argument: label) } catch { throw budgetError(error) }
        return count
    }

    /// Converts a tensor failure into an error at this call.
    public func tensorError(_ error: TensorError) -> LanguageError {
        if let exceeded = error.budgetExceeded { return budgetError(exceeded) }
        return error.isLimit ? limitError(error.description, hint: "work on smaller tensors") : self.error(error.description)
    }

    /// Shows an item now (before the call's own value).
    public func emit(_ item: DisplayItem) { interpreter.items.append(item) }

    /// Records a check for `nb test`.
    public func record(_ kind: CheckRecord.Kind, passed: Bool, message: String) {
        interpreter.checks.append(CheckRecord(kind: kind, passed: passed, message: message, location: location))
    }

    /// Notes that the cell read a data file (path relative to the notebook's folder).
    public func noteFileRead(_ path: String) {
        if !interpreter.filesRead.contains(path) { interpreter.filesRead.append(path) }
    }

    /// The session options.
    public var options: SessionOptions { interpreter.options }

    /// Draws from a generator seeded by `seed:` if given, otherwise from the session's stream.
    public func withGenerator<T>(seed: Int?, _ body: (inout SeededGenerator) -> T) -> T {
        if let seed {
            var generator = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            return body(&generator)
        }
        return body(&interpreter.generator)
    }

    /// Calls a function value (user function, lambda, builtin or symbolic function) with numbers.
    public func call(_ function: Value, _ arguments: [Value]) throws(LanguageError) -> Value {
        try interpreter.callValue(function, arguments: arguments, syntax: nil, at: location)
    }

    /// Checks the cell's deadline (for builtins with long loops).
    public func checkTimeout() throws(LanguageError) { try interpreter.checkDeadline(at: location) }
}
