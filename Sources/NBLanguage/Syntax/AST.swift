import NBDocument

/// An expression node with its source location.
///
/// `height` is the depth of the tree below this node; the parser refuses trees deeper than its
/// nesting limit, so evaluating any parsed tree never overflows the stack.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case identifier(String)
        /// `[a, b, c]`; nested lists of numbers become tensors.
        case list([Expr])
        /// `(a, b)`: only valid as the parameter list of a lambda.
        case tuple([Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `a...b` (closed) or `a..<b` (half-open).
        case range(Expr, Expr, closed: Bool)
        case call(Expr, [Argument])
        case index(Expr, [Expr])
        case member(Expr, String)
        case lambda(parameters: [String], body: Expr)
        /// A name resolved to a slot of the session's globals (produced by the resolver, not the parser).
        case global(String, slot: Int)
        /// A name resolved to a position in the running function's frame (produced by the resolver).
        case local(String, index: Int)
        /// `{ item; item; … }`: the items run in order; the value is the last item's (nothing when
        /// that item binds a name or loops).
        case block([Expr])
        /// `if c { a } else { b }`: the value of the branch taken (nothing without `else`).
        case ifElse(condition: Expr, then: Expr, else: Expr?)
        /// `name = value` inside a block (resolved to `setLocal`).
        case bind(name: String, value: Expr)
        /// `for x in sequence { … }` inside a block (resolved to `forLocal`).
        case forIn(variable: String, sequence: Expr, body: Expr)
        /// A binding resolved to a frame position (produced by the resolver).
        case setLocal(String, index: Int, value: Expr)
        /// A block loop whose variable is resolved to a frame position (produced by the resolver).
        case forLocal(String, index: Int, sequence: Expr, body: Expr)
        /// A function body (or a cell's expression) whose blocks bind names: the frame is extended to
        /// `size` positions before `body` runs (produced by the resolver).
        case frame(size: Int, body: Expr)
    }

    public let kind: Kind
    public let location: TextLocation
    public let height: Int
    /// What evaluating it does (see `ExprCode`), made once here from the children's code.
    let code: ExprCode

    /// The most positions a function's frame may have (its captured values, parameters and locals).
    public static let maximumFrameSize = 100_000

    public init(_ kind: Kind, at location: TextLocation) {
        self.kind = kind
        self.location = location
        self.height = 1 + Expr.childHeight(kind)
        self.code = Expr.code(for: kind, at: location)
    }

    private static func childHeight(_ kind: Kind) -> Int {
        switch kind {
        case .number, .string, .bool, .identifier, .global, .local: return 0
        case .list(let items), .tuple(let items): return items.map(\.height).max() ?? 0
        case .unary(_, let operand): return operand.height
        case .binary(_, let lhs, let rhs), .range(let lhs, let rhs, _): return max(lhs.height, rhs.height)
        case .call(let callee, let arguments): return max(callee.height, arguments.map(\.value.height).max() ?? 0)
        case .index(let base, let indices): return max(base.height, indices.map(\.height).max() ?? 0)
        case .member(let base, _): return base.height
        case .lambda(_, let body), .frame(_, let body): return body.height
        case .block(let items): return items.map(\.height).max() ?? 0
        case .ifElse(let c, let t, let e): return max(c.height, t.height, e?.height ?? 0)
        case .bind(_, let value), .setLocal(_, _, let value): return value.height
        case .forIn(_, let sequence, let body), .forLocal(_, _, let sequence, let body): return max(sequence.height, body.height)
        }
    }
}

/// One argument of a call: `x` or `h: 1e-5`.
public struct Argument: Sendable {
    public var label: String?
    public var value: Expr
    public var location: TextLocation
    public init(label: String?, value: Expr, location: TextLocation) {
        self.label = label; self.value = value; self.location = location
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", not = "!"
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&&", or = "||"

    /// Binding strength, loosest first (SPEC §4); used by the printer to place parentheses.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return 3
        case .add, .subtract: return 5
        case .multiply, .divide, .matmul: return 6
        case .power: return 8
        }
    }
}

/// A statement with its location. `suppressed` is set when it ends with `;`.
public struct Statement: Sendable {
    public enum Kind: Sendable {
        case expression(Expr)
        case assign(name: String, value: Expr)
        /// `t[i, j] = v`
        case assignIndex(name: String, indices: [Expr], value: Expr)
        /// `f(x, y) = body`
        case define(name: String, parameters: [String], body: Expr)
        case forIn(variable: String, sequence: Expr, body: [Statement])
        case ifElse(condition: Expr, then: [Statement], else: [Statement]?)
        case assert(condition: Expr, message: Expr?)
    }

    public var kind: Kind
    public var location: TextLocation
    public var suppressed: Bool

    public init(_ kind: Kind, at location: TextLocation, suppressed: Bool = false) {
        self.kind = kind; self.location = location; self.suppressed = suppressed
    }

    /// Names this statement (and the statements inside it) would bind at top level.
    public var boundNames: [String] {
        switch kind {
        case .expression, .assert, .assignIndex: return []
        case .assign(let name, _), .define(let name, _, _): return [name]
        case .forIn(let variable, _, let body): return [variable] + body.flatMap(\.boundNames)
        case .ifElse(_, let then, let otherwise): return then.flatMap(\.boundNames) + (otherwise ?? []).flatMap(\.boundNames)
        }
    }
}
