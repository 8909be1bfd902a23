import NBDocument
import NBAutodiff

/// The symbolic interpretation of conditions (SPEC §4, "Programs, not only expressions"):
/// `derivative` runs a function body on symbolic numbers, where a comparison of the variable has
/// no truth value. The comparison becomes a symbolic condition (`Value.condition`), and `if` on
/// it runs both branches and joins their values, and the locals they assign, into piecewise
/// expressions (`Interpreter.piecewise`). The same evaluator runs every other interpretation,
/// where conditions are decided and `if` takes one branch.
enum SymbolicComparisons {
    /// `lhs op rhs` as a symbolic condition when one side is a symbolic number and the other a
    /// number or symbolic number (decided ones come back as booleans); nil otherwise.
    static func compare(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) -> Value? {
        guard let comparison = SymbolicComparison(rawValue: op.rawValue), let a = symbol(lhs), let b = symbol(rhs) else { return nil }
        return value(SymbolicCondition.comparison(comparison, a, b))
    }

    /// A number or symbolic number as a symbolic expression; nil for anything else.
    static func symbol(_ value: Value) -> SymbolicExpression? {
        switch value {
        case .number(let x): return .constant(x)
        case .traced(let box): return (box.storage as? TracedScalar<SymbolicExpression>)?.scalar
        default: return nil
        }
    }

    /// A boolean or symbolic condition as a condition; nil for anything else.
    static func condition(_ value: Value) -> SymbolicCondition? {
        switch value {
        case .bool(let b): return SymbolicCondition(b)
        case .condition(let c): return c
        default: return nil
        }
    }

    /// A condition as a value: a boolean once it is decided.
    static func value(_ condition: SymbolicCondition) -> Value {
        condition.truthValue.map(Value.bool) ?? .condition(condition)
    }

    /// `lhs && rhs` or `lhs || rhs` where `lhs` is undecided, so `rhs` is always evaluated.
    static func combine(_ lhs: SymbolicCondition, _ op: BinaryOperator, _ rhs: Value, at location: TextLocation) throws(LanguageError) -> Value {
        guard let r = condition(rhs) else {
            throw LanguageError(.runtime, "the '\(op.rawValue)' condition must be true or false, got a \(rhs.typeName)", at: location,
                                hint: "compare with ==, <, > …")
        }
        return value(op == .and ? lhs && r : lhs || r)
    }
}

/// Identifies one `if` expression while it runs both branches (see `Interpreter.piecewise`).
final class PiecewiseSite: Sendable {}

/// An `if` running both branches: where it is, `Interpreter.decidedIfs` when it started, its
/// condition and whether the branch running now is the one where the condition holds.
struct UndecidedIf {
    let site: ObjectIdentifier
    let decided: Int
    let condition: SymbolicCondition
    var holds: Bool
}

extension Interpreter {
    /// `if condition { then } else { otherwise }` on an undecided condition: both branches run,
    /// each on its own copy of the frame; the value is piecewise in the two values and each local
    /// becomes piecewise in its two values after the branches. An `if` reached again from inside
    /// one of its own branches with no `if` decided in between (recursion on the variable, such as
    /// `f(x) = if x < 1 { x } else { f(x - 1) }`) would unfold forever and is an error; recursion
    /// that a decided condition bounds (`p(x, n)` on n) unfolds. Inside a branch its condition is
    /// known, so an `if` on the same condition there takes one branch.
    func piecewise(_ condition: SymbolicCondition, site: PiecewiseSite, then: ExprCode, otherwise: ExprCode?,
                   frame: inout [Value], at location: TextLocation) throws(LanguageError) -> Value {
        if let known = undecidedIfs.last(where: { $0.condition == condition }) {
            if known.holds { return try then(self, &frame) }
            guard let otherwise else { return .nothing }
            return try otherwise(self, &frame)
        }
        let id = ObjectIdentifier(site)
        guard !undecidedIfs.contains(where: { $0.site == id && $0.decided == decidedIfs }) else {
            throw LanguageError(.runtime, "derivative cannot unfold recursion on the variable: this if depends on it and is reached "
                                + "again from inside its own branch", at: location,
                                hint: "derivative(f) turns an if into a piecewise formula, but not recursion that depends on the "
                                    + "variable; grad, jvp and numgrad follow the calls actually made")
        }
        undecidedIfs.append(UndecidedIf(site: id, decided: decidedIfs, condition: condition, holds: true))
        defer { undecidedIfs.removeLast() }
        var thenFrame = frame
        let thenValue = try then(self, &thenFrame)
        undecidedIfs[undecidedIfs.count - 1].holds = false
        var otherwiseFrame = frame
        var otherwiseValue = Value.nothing
        if let otherwise { otherwiseValue = try otherwise(self, &otherwiseFrame) }
        lastTakenBranch = nil
        for i in 0..<max(thenFrame.count, otherwiseFrame.count) {
            let a = i < thenFrame.count ? thenFrame[i] : .nothing, b = i < otherwiseFrame.count ? otherwiseFrame[i] : .nothing
            let joined = try join(a, b, under: condition, at: location, what: "a local")
            if i < frame.count { frame[i] = joined } else { frame.append(joined) }
        }
        return try join(thenValue, otherwiseValue, under: condition, at: location, what: "its value")
    }

    /// One value for the two branches: the same value when both agree, otherwise a piecewise
    /// number (or tensor, element by element, or condition); nothing when one branch gives nothing
    /// (reading it afterwards is an error, as when the branch taken leaves a name unassigned).
    private func join(_ a: Value, _ b: Value, under condition: SymbolicCondition, at location: TextLocation,
                      what: String) throws(LanguageError) -> Value {
        if case .nothing = a { return .nothing }
        if case .nothing = b { return .nothing }
        if Interpreter.same(a, b) { return a }
        if let x = SymbolicComparisons.symbol(a), let y = SymbolicComparisons.symbol(b) {
            return TracedScalar(scalar: SymbolicExpression.piecewise(condition, x, y)).value
        }
        if let x = SymbolicComparisons.condition(a), let y = SymbolicComparisons.condition(b) {
            return SymbolicComparisons.value((condition && x) || (!condition && y))
        }
        if let x = TracedTensor<SymbolicExpression>.lift(a), let y = TracedTensor<SymbolicExpression>.lift(b), x.shape == y.shape {
            let elements = zip(x.elements, y.elements).map { SymbolicExpression.piecewise(condition, $0, $1) }
            return TracedTensor(shape: x.shape, elements: elements).value
        }
        if case .list(let xs) = a, case .list(let ys) = b, xs.count == ys.count {
            var joined: [Value] = []
            for (x, y) in zip(xs, ys) { joined.append(try join(x, y, under: condition, at: location, what: what)) }
            return .list(joined)
        }
        let (x, y) = (Value.describeKind(a), Value.describeKind(b))
        let kinds = x == y ? "a different \(a.typeName) in each branch" : "\(x) in one and \(y) in the other"
        throw LanguageError(.runtime, "derivative cannot join the branches of this if: \(what) is \(kinds)", at: location,
                            hint: "a piecewise formula joins numbers, or tensors of one shape; grad, jvp and numgrad follow "
                                + "the branch actually taken")
    }

    /// True when two values are certainly the same (equal scalars, shared storage, one function).
    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.function(f), .function(g)): return f.parts === g.parts
        case let (.condition(c), .condition(d)): return c == d
        case let (.symbolic(f), .symbolic(g)): return f.function.expression == g.function.expression && f.function.name == g.function.name
        case (.traced, .traced):
            guard let s = SymbolicComparisons.symbol(a), let t = SymbolicComparisons.symbol(b) else { return false }
            return s == t
        default: return a.isIdentical(to: b)
        }
    }
}
