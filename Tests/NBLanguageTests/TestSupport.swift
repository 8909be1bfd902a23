import NBDocument
@testable import NBLanguage

/// Runs cells in one fresh session and returns the outcomes.
func run(_ cells: String..., options: SessionOptions = SessionOptions()) -> [CellOutcome] {
    let session = Session(options: options)
    return cells.map { session.run(cell: $0) }
}

/// The transcript of a single cell run in a fresh session.
func transcript(_ cell: String, options: SessionOptions = SessionOptions()) -> String {
    run(cell, options: options)[0].transcript
}

/// The error message of a single cell, or nil when it succeeded.
func errorMessage(_ cell: String, options: SessionOptions = SessionOptions()) -> String? {
    run(cell, options: options)[0].error?.message
}

/// The syntax error `source` raises, or nil.
func parseError(_ source: String, origin: TextLocation = TextLocation(line: 1, column: 1)) -> LanguageError? {
    do {
        _ = try Parser.parse(source, origin: origin)
        return nil
    } catch {
        return error
    }
}

/// The single expression of a one-line cell, printed back with minimal parentheses.
func reprinted(_ source: String) throws -> String {
    let statements = try Parser.parse(source)
    guard statements.count == 1, case .expression(let expr) = statements[0].kind else { return "<not one expression>" }
    return expr.source
}

/// A fully parenthesized S-expression of an expression, to test tree shape.
func tree(_ expr: Expr) -> String {
    switch expr.kind {
    case .number(let x): return NumberFormat.format(x)
    case .string(let s): return "\"\(s)\""
    case .bool(let b): return b ? "true" : "false"
    case .identifier(let name), .global(let name, _), .local(let name, _): return name
    case .list(let items): return "[" + items.map(tree).joined(separator: " ") + "]"
    case .tuple(let items): return "(tuple " + items.map(tree).joined(separator: " ") + ")"
    case .unary(let op, let operand): return "(\(op.rawValue) \(tree(operand)))"
    case .binary(let op, let lhs, let rhs): return "(\(op.rawValue) \(tree(lhs)) \(tree(rhs)))"
    case .range(let lhs, let rhs, let closed): return "(\(closed ? "..." : "..<") \(tree(lhs)) \(tree(rhs)))"
    case .call(let callee, let arguments):
        return "(call \(tree(callee))" + arguments.map { " " + ($0.label.map { "\($0): " } ?? "") + tree($0.value) }.joined() + ")"
    case .index(let base, let indices): return "(index \(tree(base)) " + indices.map(tree).joined(separator: " ") + ")"
    case .member(let base, let name): return "(. \(tree(base)) \(name))"
    case .lambda(let parameters, let body): return "(-> (\(parameters.joined(separator: " "))) \(tree(body)))"
    case .block(let items): return "(block" + items.map { " " + tree($0) }.joined() + ")"
    case .ifElse(let c, let t, let e): return "(if \(tree(c)) \(tree(t))" + (e.map { " " + tree($0) } ?? "") + ")"
    case .bind(let name, let value), .setLocal(let name, _, let value): return "(= \(name) \(tree(value)))"
    case .forIn(let name, let s, let b), .forLocal(let name, _, let s, let b): return "(for \(name) \(tree(s)) \(tree(b)))"
    case .frame(_, let body): return tree(body)
    }
}

/// The tree of a one-expression source.
func tree(_ source: String) throws -> String {
    let statements = try Parser.parse(source)
    guard statements.count == 1, case .expression(let expr) = statements[0].kind else { return "<not one expression>" }
    return tree(expr)
}
