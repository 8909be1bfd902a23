/// A function given by a symbolic expression of its parameters: what `derivative(f)` returns.
///
/// It is itself a `ScalarFunction` (callable on numbers, duals, tapes, complex numbers and
/// symbols) and can be differentiated again. `description` is the §5 form `f'(x) = 3*x^2 + 2`.
public struct SymbolicFunction: ScalarFunction, Sendable, CustomStringConvertible {
    /// The display name (`f`, `f'`, `f''`, `∂f/∂y`); empty for an anonymous function.
    public var name: String
    /// Parameter names, in call order.
    public let parameterNames: [String]
    /// The body.
    public let expression: SymbolicExpression
    private let program: CompiledExpression

    /// A function of `parameterNames` with the given body; every variable of the body must be
    /// a parameter.
    public init(name: String = "", parameterNames: [String], expression: SymbolicExpression) throws {
        self.name = name
        self.parameterNames = parameterNames
        self.expression = expression
        program = try CompiledExpression(expression.node, parameterNames: parameterNames)
    }

    /// The symbolic form of `f`: its body evaluated on variables named after its parameters.
    public init(of f: some ScalarFunction, name: String = "") throws {
        try self.init(name: name, parameterNames: f.parameterNames, expression: symbolicExpression(of: f))
    }

    /// Evaluates the body on any scalar (numbers, duals, tapes, complex numbers, symbols).
    public func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S {
        try checkArity(parameterNames.count, arguments.count)
        return try program.evaluate(arguments)
    }

    /// The derivative with respect to `parameter` (the only parameter when `nil`), named
    /// `f'` for one parameter and `∂f/∂y` otherwise.
    public func derivative(withRespectTo parameter: String? = nil) throws -> SymbolicFunction {
        guard let first = parameterNames.first else { throw AutodiffError.noParameters }
        let variable = parameter ?? first
        guard parameterNames.contains(variable) else {
            throw AutodiffError.unknownParameter(variable, parameters: parameterNames)
        }
        let derivedName: String
        if name.isEmpty { derivedName = "" }
        else if parameterNames.count == 1 { derivedName = name + "'" }
        else { derivedName = "∂\(name)/∂\(variable)" }
        return try SymbolicFunction(name: derivedName, parameterNames: parameterNames,
                                    expression: expression.derivative(withRespectTo: variable))
    }

    /// The gradient: one derivative per parameter.
    public func gradient() throws -> [SymbolicFunction] {
        try parameterNames.map { try derivative(withRespectTo: $0) }
    }

    /// `f'(x) = 3*x^2 + 2` (or just the expression for an anonymous function).
    public var description: String {
        name.isEmpty ? expression.description
            : "\(name)(\(parameterNames.joined(separator: ", "))) = \(expression.description)"
    }
}

/// The expression of `f`'s body, with parameters as variables, hash-consed while it is built.
public func symbolicExpression(of f: some ScalarFunction) throws -> SymbolicExpression {
    let interner = ExpressionInterner()
    let b = ExpressionBuilder(interner: interner)
    let variables = f.parameterNames.map { SymbolicExpression(b.variable($0), interner: interner) }
    let result = try f.evaluate(variables)
    return SymbolicExpression(b.rebuild(result.node), interner: nil)
}

/// Throws unless a function of `parameterCount` parameters is given `count` arguments.
@usableFromInline
func checkArity(_ parameterCount: Int, _ count: Int) throws {
    guard parameterCount == count else {
        throw AutodiffError.argumentCount(expected: parameterCount, got: count)
    }
}
