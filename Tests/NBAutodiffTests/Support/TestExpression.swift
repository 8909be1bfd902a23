import NBAutodiff

/// A test-only expression tree, evaluated generically so one tree serves every method.
indirect enum TestExpression: CustomStringConvertible {
    case constant(Double)
    case variable(Int, String)
    case negate(TestExpression)
    case add(TestExpression, TestExpression)
    case subtract(TestExpression, TestExpression)
    case multiply(TestExpression, TestExpression)
    case divide(TestExpression, TestExpression)
    case power(TestExpression, TestExpression)
    case function(ElementaryFunction, TestExpression)
    case maximum(TestExpression, TestExpression)
    case minimum(TestExpression, TestExpression)
    /// `sign` or `step`, which appear in printed derivatives.
    case kink(String, TestExpression)

    func evaluate<S: DifferentiableScalar>(_ x: [S]) -> S {
        switch self {
        case let .constant(c): return S(c)
        case let .variable(i, _): return x[i]
        case let .negate(a): return -a.evaluate(x)
        case let .add(a, b): return a.evaluate(x) + b.evaluate(x)
        case let .subtract(a, b): return a.evaluate(x) - b.evaluate(x)
        case let .multiply(a, b): return a.evaluate(x) * b.evaluate(x)
        case let .divide(a, b): return a.evaluate(x) / b.evaluate(x)
        case let .power(a, b): return S.power(a.evaluate(x), b.evaluate(x))
        case let .function(f, a): return S.apply(f, a.evaluate(x))
        case let .maximum(a, b): return S.maximumPropagatingNaN(a.evaluate(x), b.evaluate(x))
        case let .minimum(a, b): return S.minimumPropagatingNaN(a.evaluate(x), b.evaluate(x))
        case let .kink(name, a): return name == "sign" ? S.sign(a.evaluate(x)) : S.step(a.evaluate(x))
        }
    }

    var description: String {
        switch self {
        case let .constant(c): return "\(c)"
        case let .variable(_, name): return name
        case let .negate(a): return "(-\(a))"
        case let .add(a, b): return "(\(a) + \(b))"
        case let .subtract(a, b): return "(\(a) - \(b))"
        case let .multiply(a, b): return "(\(a)*\(b))"
        case let .divide(a, b): return "(\(a)/\(b))"
        case let .power(a, b): return "(\(a)^\(b))"
        case let .function(f, a): return "\(f.rawValue)(\(a))"
        case let .maximum(a, b): return "max(\(a), \(b))"
        case let .minimum(a, b): return "min(\(a), \(b))"
        case let .kink(name, a): return "\(name)(\(a))"
        }
    }
}

/// A `ScalarFunction` whose body is a test expression.
struct TestFunction: ScalarFunction, CustomStringConvertible {
    let parameterNames: [String]
    let body: TestExpression

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S { body.evaluate(arguments) }

    var description: String { "(\(parameterNames.joined(separator: ", "))) -> \(body)" }
}

/// A `ScalarFunction` parsed from cell-language syntax.
struct ParsedFunction: ScalarFunction {
    let parameterNames: [String]
    let body: TestExpression

    init(_ names: String, _ source: String) throws {
        parameterNames = names.split(separator: " ").map(String.init)
        body = try TestParser.parse(source, parameters: parameterNames)
    }

    func evaluate<S: DifferentiableScalar>(_ arguments: [S]) throws -> S { body.evaluate(arguments) }
}
