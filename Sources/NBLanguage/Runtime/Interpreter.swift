import NBDocument
import Foundation
import NBAutodiff
import NBLearning

/// Runs the statements of one cell against a session's globals.
///
/// A tree-walking evaluator over resolved names: function parameters live in a frame array,
/// everything else in a global slot read when used (so functions may call functions defined later).
final class Interpreter {
    // The interpreter runs on one thread and never holds overlapping accesses to these hot
    // properties, so the dynamic exclusivity checks (a fifth of a loop iteration) are skipped.
    @exclusivity(unchecked) var globals: Globals
    /// Builtins and constants found for global slots that hold no value, filled on first use.
    private var fallbacks: [Value?] = []
    /// The elementary functions of the builtins in `fallbacks` (see `elementaryBuiltin(at:)`).
    @exclusivity(unchecked) private var elementaryFallbacks: [ElementaryFunction?] = []
    let registry: BuiltinRegistry
    let options: SessionOptions
    var generator: SeededGenerator
    /// Names a failed earlier cell would have bound, with that cell's location.
    let failedNames: [String: TextLocation]

    /// Number types of the differentiations running now, innermost last (see `withCurrentInterpretation`).
    var interpretations: [any DifferentiableScalar.Type] = []
    /// Where the branch taken by the `if` that finished last starts (nil when that `if` had no
    /// branch to take): when a differentiated function returns the wrong kind of value from a
    /// branch, the error points there (`wrongResult`).
    @exclusivity(unchecked) var lastTakenBranch: TextLocation?
    /// The `if`s running both branches now (symbolic conditions; see `piecewise`), outermost first.
    var undecidedIfs: [UndecidedIf] = []
    /// How many `if`s have taken one branch (wrapping): an `if` reached again from inside its own
    /// branches with none decided in between is recursion on the variable.
    @exclusivity(unchecked) var decidedIfs = 0

    var items: [DisplayItem] = []
    /// The value of the last top-level expression statement run (what inline code shows).
    var lastValue: Value?
    var checks: [CheckRecord] = []
    var filesRead: [String] = []

    /// The cell's budget: element limit, deadline, cancellation; library loops get it too.
    let elementLimit: Budget
    @exclusivity(unchecked) private var ticks = 0
    @exclusivity(unchecked) var callDepth = 0
    /// Frames of finished calls, emptied, kept for the next calls.
    @exclusivity(unchecked) private var framePool = FramePool()
    /// Address near the bottom of the stack this interpreter runs on, and how much of it calls may use.
    private let stackBase: Int
    private let stackBudget: Int

    init(globals: Globals, registry: BuiltinRegistry, options: SessionOptions, generator: SeededGenerator,
         failedNames: [String: TextLocation], timeout: Double, cancellation: Cancellation? = nil,
         progress: (any ProgressSink)? = nil, stackBudget: Int = 256 << 10) {
        self.stackBase = Interpreter.stackAddress()
        self.stackBudget = stackBudget
        self.globals = globals
        self.globals.reserveSlots()
        self.registry = registry
        self.options = options
        self.generator = generator
        self.failedNames = failedNames
        self.elementLimit = Budget(maximumElements: options.elementLimit, timeout: timeout, cancellation: cancellation,
                                   progress: progress)
    }

    // MARK: Limits

    /// Enters a user-function call: counts it against the recursion limit and checks that the
    /// stack has room (deep bodies times deep recursion must not overflow). Pair with `callDepth -= 1`.
    @inline(__always)
    func enterCall(_ parts: FunctionValue.Parts, at location: TextLocation) throws(LanguageError) {
        callDepth += 1
        if callDepth > options.recursionLimit || stackBase - Interpreter.stackAddress() > stackBudget {
            callDepth -= 1
            throw recursionError(parts.name, at: location)
        }
        try tick(at: location)
    }

    @inline(never)
    private func recursionError(_ name: String?, at location: TextLocation) -> LanguageError {
        LanguageError(.limit, "recursion deeper than \(options.recursionLimit) calls (in \(name ?? "lambda"))", at: location,
                      hint: "a function that calls itself needs a base case")
    }

    @inline(never)
    static func stackAddress() -> Int {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
    }

    /// Cheap cooperative timeout check: reads the clock every 256 ticks.
    @inline(__always)
    func tick(at location: TextLocation) throws(LanguageError) {
        ticks &+= 1
        if ticks & 255 == 0 { try checkDeadline(at: location) }
    }

    func checkDeadline(at location: TextLocation) throws(LanguageError) {
        do { try elementLimit.checkTime() } catch { throw Interpreter.budgetError(error, at: location) }
    }

    /// A budget failure as the cell's error at `location`.
    static func budgetError(_ exceeded: BudgetExceeded, at location: TextLocation) -> LanguageError {
        switch exceeded.reason {
        case .timeout, .cancelled:
            LanguageError(.limit, Budget.message(exceeded), at: location,
                          hint: "make the computation smaller or raise the limit with timeout=SECONDS on the cell")
        case .elements:
            LanguageError(.limit, Budget.message(exceeded), at: location, hint: "work on smaller tensors")
        case .iterations:
            LanguageError(.limit, Budget.message(exceeded), at: location)
        }
    }

    // MARK: Statements

    func run(_ instructions: [Instruction]) throws(LanguageError) {
        for instruction in instructions { try instruction.run(self) }
    }

    /// Runs `body` for each element of a range, a tensor (its first axis) or a list.
    func forEachElement(of sequence: Value, at location: TextLocation,
                        _ body: (Value) throws(LanguageError) -> Void) throws(LanguageError) {
        switch sequence {
        case .range(let range):
            let count = range.count
            var k = 0
            while k < count {
                try tick(at: location)
                try body(.number(range.lower + Double(k)))
                k += 1
            }
        case .tensor(let tensor):
            guard let extent = tensor.shape.first else {
                throw LanguageError(.runtime, "cannot iterate over a 0-d tensor", at: location)
            }
            for i in 0..<extent {
                try tick(at: location)
                let element = try tensorOperation(at: location) { () throws(TensorError) in try tensor.part(at: [i]) }
                try body(Value.from(element))
            }
        case .list(let values):
            for value in values {
                try tick(at: location)
                try body(value)
            }
        case .traced(let box) where !box.storage.shape.isEmpty:
            for i in 0..<box.storage.shape[0] {
                try tick(at: location)
                try body(try tensorOperation(at: location) { () throws(TensorError) in try box.storage.indexed([i]) })
            }
        default:
            throw LanguageError(.runtime, "cannot iterate over a \(sequence.typeName)", at: location,
                                hint: "loop over a range (1...3, 0..<n), a list or a tensor")
        }
    }

    // MARK: Expressions

    /// Runs an expression's code (see `ExprCode`) with `frame` as the running function's frame.
    @inline(__always)
    func evaluate(_ expr: Expr, _ frame: inout [Value]) throws(LanguageError) -> Value {
        try expr.code(self, &frame)
    }

    /// A condition's value as true or false.
    static func truth(_ value: Value, what: String, at location: TextLocation) throws(LanguageError) -> Bool {
        if case .condition(let c) = value {
            throw LanguageError(.runtime, "the \(what) condition \(c) depends on the variable of derivative", at: location,
                                hint: "only if turns such a condition into a piecewise formula")
        }
        guard case .bool(let b) = value else {
            throw LanguageError(.runtime, "the \(what) condition must be true or false, got a \(value.typeName)", at: location,
                                hint: "compare with ==, <, > …")
        }
        return b
    }

    static func unassigned(_ name: String, at location: TextLocation) -> LanguageError {
        LanguageError(.runtime, "'\(name)' has no value here", at: location,
                      hint: "a name bound inside a block must be assigned on every path before it is read")
    }

    /// The value of a resolved global name.
    @inline(__always)
    func global(_ name: String, slot: Int, at location: TextLocation) throws(LanguageError) -> Value {
        if slot < globals.values.count, let value = globals.values[slot] { return value }
        return try fallback(name, slot: slot, at: location)
    }

    /// Binds (or, with nil, unbinds) the global `slot`. Only a cell's top-level statements do,
    /// never while a user function runs: calls read functions from their slots without taking a
    /// reference (see `call(_:evaluating:in:at:)`).
    @inline(__always)
    func setGlobal(_ slot: Int, _ value: consuming Value?) {
        // Kept in release builds: a call borrows the function in its slot without retaining it.
        precondition(callDepth == 0, "a global was written while a call runs")
        globals.values[slot] = consume value
    }

    /// A builtin or constant for a global slot without a value, or the undefined-name error.
    private func fallback(_ name: String, slot: Int, at location: TextLocation) throws(LanguageError) -> Value {
        if slot < fallbacks.count, let value = fallbacks[slot] { return value }
        let value = try lookup(name, at: location)
        if fallbacks.count <= slot { fallbacks.append(contentsOf: repeatElement(nil, count: slot + 1 - fallbacks.count)) }
        fallbacks[slot] = value
        if case .builtin(let builtin) = value, let elementary = builtin.elementary {
            if elementaryFallbacks.count <= slot {
                elementaryFallbacks.append(contentsOf: repeatElement(nil, count: slot + 1 - elementaryFallbacks.count))
            }
            elementaryFallbacks[slot] = elementary
        }
        return value
    }

    /// A global, constant or builtin by name (for unresolved names and the session's API).
    func lookup(_ name: String, at location: TextLocation) throws(LanguageError) -> Value {
        if let value = globals[name] { return value }
        if let constant = registry.constants[name] { return .number(constant) }
        if let builtin = registry[name] { return .builtin(builtin) }
        var hint: String?
        if let failed = failedNames[name] {
            hint = "'\(name)' would have been defined by the cell at line \(failed.line), which failed; fix that cell first"
        } else if let suggestion = Spelling.closest(to: name, among: globals.boundNames + registry.names) {
            hint = "did you mean '\(suggestion)'?"
        }
        throw LanguageError(.runtime, "undefined name '\(name)'", at: location, hint: hint)
    }

    /// An index: a whole number (a value being differentiated counts by its primal value).
    func integer(_ indexValue: Value, at location: TextLocation) throws(LanguageError) -> Int {
        let value = try Arithmetic.primal(indexValue, "an index", at: location)
        guard case .number(let x) = value, x == x.rounded(), Swift.abs(x) < 1e15 else {
            throw LanguageError(.runtime, "an index must be a whole number, got \(value.text)", at: location)
        }
        return Int(x)
    }

    /// `base[i, j, …]` with the indices' values and locations.
    func index(_ base: Value, by indexValues: [Value], at indexLocations: [TextLocation], location: TextLocation) throws(LanguageError) -> Value {
        // One index that is a vector of whole numbers picks rows: `X[batch]`.
        if indexValues.count == 1, let rows = try rowIndices(indexValues[0], at: indexLocations[0]) {
            switch base {
            case .tensor(let tensor):
                return Value.from(try tensorOperation(at: location) { () throws(TensorError) in try tensor.gathering(rows, budget: elementLimit) })
            case .traced(let box):
                return try tensorOperation(at: location) { () throws(TensorError) in try box.storage.gathering(rows) }
            case .list(let values):
                var picked: [Value] = []
                for r in rows {
                    guard values.indices.contains(r) else {
                        throw LanguageError(.runtime, "list index \(r) is out of range 0..<\(values.count)", at: location)
                    }
                    picked.append(values[r])
                }
                return .list(picked)
            default:
                throw LanguageError(.runtime, "a \(base.typeName) cannot be indexed", at: location)
            }
        }
        var indices: [Int] = []
        for (value, at) in zip(indexValues, indexLocations) { indices.append(try integer(value, at: at)) }
        switch base {
        case .tensor(let tensor):
            let part = try tensorOperation(at: location) { () throws(TensorError) in try tensor.part(at: indices) }
            return Value.from(part)
        case .traced(let box):
            return try tensorOperation(at: location) { () throws(TensorError) in try box.storage.indexed(indices) }
        case .list(let values):
            guard indices.count == 1, let i = indices.first, values.indices.contains(i) else {
                throw LanguageError(.runtime, "list index \(indices.map(String.init).joined(separator: ", ")) is out of range 0..<\(values.count)", at: location)
            }
            return values[i]
        case .range(let range):
            guard indices.count == 1, let i = indices.first, i >= 0, i < range.count else {
                throw LanguageError(.runtime, "range index is out of range 0..<\(range.count)", at: location)
            }
            return .number(range.lower + Double(i))
        default:
            throw LanguageError(.runtime, "a \(base.typeName) cannot be indexed", at: location)
        }
    }

    /// The whole numbers of a vector used as an index (nil for a number: an ordinary index).
    private func rowIndices(_ value: Value, at location: TextLocation) throws(LanguageError) -> [Int]? {
        guard case .tensor(let t) = value, t.rank == 1 else { return nil }
        var rows: [Int] = []
        rows.reserveCapacity(t.count)
        for x in t.scalars {
            guard x == x.rounded(), Swift.abs(x) < 1e15 else {
                throw LanguageError(.runtime, "row indices must be whole numbers, got \(NumberFormat.format(x))", at: location)
            }
            rows.append(Int(x))
        }
        return rows
    }

    func member(_ base: Value, _ name: String, at location: TextLocation) throws(LanguageError) -> Value {
        var fields: [String] = []
        switch base {
        case .record(let record):
            if let value = record[name] { return value }
            fields = record.fields.map(\.name)
        case .dual(let d):
            if name == "value" { return .number(d.value) }
            if name == "tangent" || name == "derivative" { return .number(d.tangent) }
            fields = ["value", "tangent"]
        case .tensor(let t):
            if name == "shape" { return .tensor(Tensor<Double>(t.shape.map(Double.init))) }
            if name == "count" { return .number(Double(t.count)) }
            fields = ["shape", "count"]
        case .symbolic(let s):
            if name == "text" { return .string(s.text) }
            fields = ["text"]
        case .traced(let box) where !box.storage.shape.isEmpty:
            if name == "shape" { return .tensor(Tensor<Double>(box.storage.shape.map(Double.init))) }
            if name == "count" { return .number(Double(box.storage.count)) }
            fields = ["shape", "count"]
        default:
            break
        }
        let known = fields.isEmpty ? "it has no fields" : "its fields: " + fields.joined(separator: ", ")
        throw LanguageError(.runtime, "a \(base.typeName) has no field '\(name)'", at: location, hint: known)
    }

    func tensorOperation<T>(at location: TextLocation, _ body: () throws(TensorError) -> T) throws(LanguageError) -> T {
        do { return try body() } catch {
            throw LanguageError(error, at: location)
        }
    }

    // MARK: Calls

    /// `builtin(argument)` for a builtin that applies an elementary function: plain numbers and
    /// numbers of the reverse sweep directly, anything else through the builtin's body.
    /// `builtin` (the builtin as a value) is read only in that last case.
    @inline(__always)
    func apply(_ elementary: ElementaryFunction, _ builtin: () throws(LanguageError) -> Value, to argument: Value,
               syntax: [Argument]?, at location: TextLocation) throws(LanguageError) -> Value {
        if case .number(let x) = argument { return .number(Double.apply(elementary, x)) }
        if let result = ReverseScalar.apply(elementary, argument) { return result }
        return try callValue(try builtin(), arguments: [argument], syntax: syntax, at: location)
    }

    /// The elementary function of the builtin that the global name in `slot` stands for (`sin`
    /// before any cell binds `sin`), once that name has been read; nil otherwise. Reading it
    /// touches no reference count, unlike reading the builtin as a value.
    @inline(__always)
    func elementaryBuiltin(at slot: Int) -> ElementaryFunction? {
        guard slot < elementaryFallbacks.count, slot < globals.values.count, case .none = globals.values[slot] else { return nil }
        return elementaryFallbacks[slot]
    }

    /// Calls a function value. `syntax` is the call's written arguments (labels and locations),
    /// nil for calls made by builtins.
    func callValue(_ function: Value, arguments: [Value], syntax: [Argument]?, at location: TextLocation) throws(LanguageError) -> Value {
        switch function {
        case .function(let f):
            return try callFunction(f, arguments: arguments, syntax: syntax, at: location)
        case .builtin(let builtin):
            return try callBuiltin(builtin, arguments: arguments, labels: syntax?.map(\.label) ?? Array(repeating: nil, count: arguments.count),
                                   locations: syntax?.map(\.location) ?? arguments.map { _ in location }, at: location)
        case .symbolic(let s):
            return try EngineBridge.callSymbolic(s, arguments: arguments, labels: syntax?.map(\.label) ?? [], at: location)
        default:
            throw LanguageError(.runtime, "a \(function.typeName) is not a function and cannot be called", at: location)
        }
    }

    func callFunction(_ f: FunctionValue, arguments: [Value], syntax: [Argument]?, at location: TextLocation) throws(LanguageError) -> Value {
        guard arguments.count == f.parameters.count else { throw Interpreter.arityError(f.parts, got: arguments.count, at: location) }
        return try call(f.parts, at: location) { (frame: inout [Value]) throws(LanguageError) in
            if let syntax, syntax.contains(where: { $0.label != nil }) {
                frame.append(contentsOf: try Interpreter.bindByLabel(f, shown: f.name ?? "lambda", arguments: arguments,
                                                                     labels: syntax.map(\.label), at: location))
            } else {
                frame.append(contentsOf: arguments)
            }
        }
    }

    /// `f(a, b)` written in a cell without labels: the arguments are evaluated (in the caller's
    /// frame) straight into the callee's frame, with no array of arguments in between.
    func callFunction(_ f: FunctionValue, evaluating arguments: [Expr], in callerFrame: inout [Value],
                      at location: TextLocation) throws(LanguageError) -> Value {
        try call(f.parts, at: location) { (frame: inout [Value]) throws(LanguageError) in
            for argument in arguments { frame.append(try argument.code(self, &callerFrame)) }
            guard arguments.count == f.parameters.count else { throw Interpreter.arityError(f.parts, got: arguments.count, at: location) }
        }
    }

    /// `f(a)`: as `callFunction(_:evaluating:in:at:)` with one argument.
    func callFunction(_ f: FunctionValue, evaluating argumentCode: ExprCode, in callerFrame: inout [Value],
                      at location: TextLocation) throws(LanguageError) -> Value {
        try call(f.parts, evaluating: argumentCode, in: &callerFrame, at: location)
    }

    /// The user function bound to the global `slot`, if any, borrowed where it lies (see `call(_:evaluating:in:at:)`).
    @inline(__always)
    func globalFunction(at slot: Int) -> Unmanaged<FunctionValue.Parts>? {
        globals.functionParts(at: slot)
    }

    /// `f(a)` for `f` read from a global slot by `globalFunction(at:)`.
    ///
    /// The function is called where it lies, without taking a reference to it: a global is only
    /// written by a cell's top-level statements (`setGlobal`), never while a call runs, so the
    /// slot keeps the function alive until the call returns. Rebinding `f` between calls takes
    /// effect, as the slot is read on every call.
    @inline(__always)
    func call(_ function: Unmanaged<FunctionValue.Parts>, evaluating argumentCode: ExprCode, in callerFrame: inout [Value],
              at location: TextLocation) throws(LanguageError) -> Value {
        do {
            return try function._withUnsafeGuaranteedRef { parts in
                try call(parts, evaluating: argumentCode, in: &callerFrame, at: location)
            }
        } catch {
            // `_withUnsafeGuaranteedRef` rethrows untyped; the body throws only `LanguageError`.
            throw error as? LanguageError ?? LanguageError(.runtime, "internal: \(error)", at: location)
        }
    }

    /// The call of a function with `parts` on one argument, evaluated in `callerFrame`.
    @inline(__always)
    private func call(_ parts: FunctionValue.Parts, evaluating argumentCode: ExprCode, in callerFrame: inout [Value],
                      at location: TextLocation) throws(LanguageError) -> Value {
        try call(parts, at: location) { (frame: inout [Value]) throws(LanguageError) in
            frame.append(try argumentCode(self, &callerFrame))
            guard parts.parameterCount == 1 else { throw Interpreter.arityError(parts, got: 1, at: location) }
        }
    }

    /// Every call of a user function: a frame from the pool with the function's captured values,
    /// then its arguments (`bindArguments` appends them, or throws), then the body, counted
    /// against the recursion limit; the frame goes back to the pool.
    @inline(__always)
    private func call(_ parts: FunctionValue.Parts, at location: TextLocation,
                      bindArguments: (inout [Value]) throws(LanguageError) -> Void) throws(LanguageError) -> Value {
        var frame = framePool.take()
        defer { framePool.giveBack(&frame) }
        if !parts.captured.isEmpty { frame.append(contentsOf: parts.captured) }
        try bindArguments(&frame)
        try enterCall(parts, at: location)
        defer { callDepth -= 1 }
        return try parts.code(self, &frame)
    }

    private static func arityError(_ parts: FunctionValue.Parts, got count: Int, at location: TextLocation) -> LanguageError {
        let shown = parts.name ?? "lambda"
        let parameters = parts.definition.parameters
        return LanguageError(.runtime, "\(shown) expects \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(count)",
                             at: location, hint: "\(shown)(\(parameters.joined(separator: ", ")))")
    }

    /// Orders labelled and unlabelled arguments by parameter (`f(y: 1, x: 2)`).
    static func bindByLabel(_ f: FunctionValue, shown: String, arguments: [Value], labels: [String?],
                            at location: TextLocation) throws(LanguageError) -> [Value] {
        var bound: [Value?] = Array(repeating: nil, count: f.parameters.count)
        for (value, label) in zip(arguments, labels) where label != nil {
            guard let label, let index = f.parameters.firstIndex(of: label) else {
                throw LanguageError(.runtime, "\(shown) has no parameter '\(label ?? "")'", at: location,
                                    hint: "\(shown)(\(f.parameters.joined(separator: ", ")))")
            }
            if bound[index] != nil { throw LanguageError(.runtime, "\(shown): parameter '\(label)' given twice", at: location) }
            bound[index] = value
        }
        var next = 0
        for (value, label) in zip(arguments, labels) where label == nil {
            while next < bound.count && bound[next] != nil { next += 1 }
            bound[next] = value
        }
        return bound.map { $0 ?? .nothing }
    }

    func callBuiltin(_ builtin: Builtin, arguments: [Value], labels: [String?], locations: [TextLocation],
                     at location: TextLocation) throws(LanguageError) -> Value {
        var positional: [Value] = []
        var positionalLocations: [TextLocation] = []
        var named: [String: Value] = [:]
        var namedLocations: [String: TextLocation] = [:]
        for (i, value) in arguments.enumerated() {
            let at = i < locations.count ? locations[i] : location
            if let label = labels[i] {
                if named[label] != nil {
                    throw LanguageError(.runtime, "\(builtin.name): argument '\(label):' given twice", at: at, hint: "usage: \(builtin.usage)")
                }
                named[label] = value
                namedLocations[label] = at
            } else {
                positional.append(value)
                positionalLocations.append(at)
            }
        }
        try tick(at: location)
        let call = try BuiltinCall(checking: builtin, positional: positional, named: named, location: location,
                               positionalLocations: positionalLocations, namedLocations: namedLocations, interpreter: self)
        if arguments.contains(where: { if case .traced = $0 { return true } else { return false } }) {
            return try TracedBuiltins.call(call)
        }
        return try builtin.body(call)
    }
}
