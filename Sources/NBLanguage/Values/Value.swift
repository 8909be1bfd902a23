import NBDocument
import NBLearning
import NBAutodiff
/// A value of the cell language (SPEC §4).
public enum Value: Sendable {
    case number(Double)
    case bool(Bool)
    case string(String)
    /// An n-d array of Doubles; nested number lists evaluate to tensors.
    case tensor(Tensor<Double>)
    /// A list of values that are not all numbers (strings, functions, …).
    indirect case list([Value])
    /// `a...b` or `a..<b`; iterated without allocating.
    indirect case range(RangeValue)
    /// `a + bε` with ε² = 0.
    case dual(DualNumber)
    /// A user function (`f(x) = …`) or lambda (`x -> …`).
    case function(FunctionValue)
    /// A builtin used as a value (`grad(sin, [1])`).
    case builtin(Builtin)
    /// A symbolic function: a formula that can also be called.
    indirect case symbolic(SymbolicValue)
    /// Named fields (results of builtins such as `hsweep`), optionally displayed as an item.
    indirect case record(RecordValue)
    /// A table, plot or image grid.
    indirect case display(DisplayItem)
    /// A number or tensor being differentiated (inside `grad`, `jvp`, `derivative`, …).
    case traced(TracedBox)
    /// A condition on the variable of `derivative` that the symbolic interpretation cannot
    /// decide (`abs(x) < 1`): `if` on it follows both branches and joins them into a piecewise
    /// formula. Lives only while `derivative` runs, like `traced`.
    indirect case condition(SymbolicCondition)
    /// The result of statements and calls that produce nothing (`print`); never displayed.
    case nothing

    /// The name of this value's type, for error messages.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .bool: return "boolean"
        case .string: return "string"
        case .tensor: return "tensor"
        case .list: return "list"
        case .range: return "range"
        case .dual: return "dual number"
        case .function, .builtin: return "function"
        case .symbolic: return "symbolic function"
        case .record: return "record"
        case .display(let item):
            switch item {
            case .table: return "table"
            case .plot: return "plot"
            case .images: return "images"
            default: return "display"
            }
        case .traced(let box): return box.storage.shape.isEmpty ? "number" : "tensor"
        case .condition: return "boolean"
        case .nothing: return "nothing"
        }
    }
}

/// A closed (`a...b`) or half-open (`a..<b`) range of numbers with step 1.
public struct RangeValue: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var closed: Bool

    /// How many numbers the range holds.
    public var count: Int {
        let n = closed ? (upper - lower).rounded(.down) + 1 : (upper - lower).rounded(.up)
        guard n.isFinite, n > 0 else { return 0 }
        return n >= 1e15 ? 1_000_000_000_000_000 : Int(n)
    }

    public var elements: [Double] { (0..<count).map { lower + Double($0) } }
}

/// A user function or lambda. Globals are looked up when it runs; `captured` holds the frame of
/// the enclosing function at the time a lambda was created (its body's names were resolved
/// against that frame followed by its own parameters).
///
/// Held by one reference to immutable parts, so passing a function around (each call does)
/// copies one pointer; setting `name` or `captured` makes new parts.
public struct FunctionValue: Sendable {
    /// The parts of a function fixed when it is defined.
    final class Definition: Sendable {
        let parameters: [String]
        let body: Expr
        let location: TextLocation
        init(parameters: [String], body: Expr, location: TextLocation) {
            self.parameters = parameters; self.body = body; self.location = location
        }
    }

    /// A function's parts: its definition, the name it goes by and the values it captured.
    final class Parts: Sendable {
        let name: String?
        let definition: Definition
        let captured: [Value]
        /// The body's code (`definition.body.code`), one field away, so that a call through a
        /// borrowed `Parts` reads it without a reference count.
        let code: ExprCode
        /// `definition.parameters.count`, one field away.
        let parameterCount: Int
        init(name: String?, definition: Definition, captured: [Value]) {
            self.name = name; self.definition = definition; self.captured = captured
            self.code = definition.body.code
            self.parameterCount = definition.parameters.count
        }
    }

    private(set) var parts: Parts

    /// The name it was defined or first bound under, if any.
    public var name: String? {
        get { parts.name }
        set { parts = Parts(name: newValue, definition: parts.definition, captured: parts.captured) }
    }
    public var captured: [Value] {
        get { parts.captured }
        set { parts = Parts(name: parts.name, definition: parts.definition, captured: newValue) }
    }
    var definition: Definition { parts.definition }

    public var parameters: [String] { parts.definition.parameters }
    public var body: Expr { parts.definition.body }
    public var location: TextLocation { parts.definition.location }

    public init(name: String?, parameters: [String], body: Expr, captured: [Value] = [], location: TextLocation) {
        parts = Parts(name: name, definition: Definition(parameters: parameters, body: body, location: location), captured: captured)
    }

    /// A lambda of `definition` (made once, when its expression was compiled) over `captured`.
    init(definition: Definition, captured: [Value]) {
        parts = Parts(name: nil, definition: definition, captured: captured)
    }
}

/// A record: ordered named fields, displayed as `display` when set.
public struct RecordValue: Sendable {
    public var fields: [(name: String, value: Value)]
    public var display: DisplayItem?

    public init(fields: [(name: String, value: Value)], display: DisplayItem? = nil) {
        self.fields = fields; self.display = display
    }

    public subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }
}
