import NBDocument
import NBLearning
import NBAutodiff

/// A callable value of the cell language (a user function, a lambda, a symbolic function) seen by
/// the engine as a scalar function of the flattened numbers of its arguments: the interpreter runs
/// its body with traced arguments of whatever number type the engine chose.
struct TracedFunction: ScalarFunction {
    let callee: Value
    let shownName: String
    let layouts: [ParameterLayout]
    /// The parameters' own names (`w`, `b`); the engine sees one name per number (`w[0, 1]`).
    let baseNames: [String]
    let interpreter: Interpreter
    let location: TextLocation

    /// Built only when shown (gradient tables, symbolic derivatives): a training step never asks.
    var parameterNames: [String] { zip(baseNames, layouts).flatMap { $1.names($0) } }
    var parameterCount: Int { layouts.reduce(0) { $0 + $1.count } }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        interpreter.lastTakenBranch = nil
        let result = try interpreter.call(callee, layouts: layouts, numbers: arguments, at: location)
        guard let t = TracedTensor<S>.lift(result), t.count == 1 else {
            throw interpreter.wrongResult(of: callee, named: shownName, result: result, expected: "a number", at: location,
                                          hint: "reduce a tensor with sum(…) or mean(…)")
        }
        return t.elements[0]
    }
}

extension TracedFunction: VectorFunction {
    /// The function as one returning a list or tensor of numbers (`jacobian`).
    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> [S] {
        interpreter.lastTakenBranch = nil
        let result = try interpreter.call(callee, layouts: layouts, numbers: arguments, at: location)
        guard let t = TracedTensor<S>.lift(result) else {
            throw interpreter.wrongResult(of: callee, named: shownName, result: result, expected: "a list of numbers", at: location)
        }
        return t.elements
    }
}

extension Interpreter {
    /// Calls `callee` with arguments of `layouts` made of `numbers`, as the interpretation `S`:
    /// while the body runs, `S` is the current interpretation (a differentiation called inside
    /// works on top of it).
    func call<S: DifferentiableScalar>(_ callee: Value, layouts: [ParameterLayout], numbers: [S],
                                       at location: TextLocation) throws(LanguageError) -> Value {
        var position = 0
        let arguments = layouts.map { $0.rebuild(from: numbers, at: &position) }
        let traced = S.self != Double.self
        if traced { interpretations.append(S.self) }
        defer { if traced { interpretations.removeLast() } }
        return try callValue(callee, arguments: arguments, syntax: nil, at: location)
    }

    /// Runs `visitor` with the number type of the innermost differentiation running now (`Double`
    /// outside any): a differentiation inside a differentiated function works on top of it, so
    /// its perturbation is a new level and cannot be confused with the outer one.
    func withCurrentInterpretation<V: InterpretationVisitor>(_ visitor: V) throws(LanguageError) -> V.Result {
        guard let current = interpretations.last else { return try visitor.visit(Double.self) }
        return try Interpreter.open(current, visitor)
    }

    private static func open<B: DifferentiableScalar, V: InterpretationVisitor>(_ base: B.Type, _ visitor: V) throws(LanguageError) -> V.Result {
        try visitor.visit(base)
    }
}

/// Work generic over the number type of the current interpretation.
protocol InterpretationVisitor {
    associatedtype Result
    func visit<B: DifferentiableScalar>(_ base: B.Type) throws(LanguageError) -> Result
}

extension Value {
    /// `a number`, `a tensor of shape (2,)`, `a string`: what a value is, for messages.
    static func describeKind(_ value: Value) -> String {
        switch value {
        case .tensor(let t): return "a tensor of shape \(TensorError.format(t.shape))"
        case .traced(let box) where !box.storage.shape.isEmpty: return "a tensor of shape \(TensorError.format(box.storage.shape))"
        default: return "a \(value.typeName)"
        }
    }
}
