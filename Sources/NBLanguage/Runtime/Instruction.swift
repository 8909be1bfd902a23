/// A statement after name resolution: what the interpreter executes.
indirect enum Instruction {
    case expression(Expr, suppressed: Bool)
    case assign(slot: Int, value: Expr)
    case assignIndex(slot: Int, name: String, indices: [Expr], value: Expr, location: SourceLocation)
    case define(slot: Int, function: FunctionValue)
    case forIn(slot: Int, sequence: Expr, body: [Instruction])
    case ifElse(condition: Expr, then: [Instruction], else: [Instruction]?)
    case assert(condition: Expr, message: Expr?, location: SourceLocation)
}

/// Resolves every name of a cell to a global slot or a position in a function's frame, so that
/// running it never hashes a name.
///
/// A function's frame holds the frame of the function it was created in (captured when a lambda
/// is created) followed by its own parameters; a name is the innermost binding of that list,
/// otherwise a global.
struct Resolver {
    var symbols: SymbolTable

    mutating func resolve(_ statements: [Statement]) -> [Instruction] {
        statements.map { resolve($0) }
    }

    private mutating func resolve(_ statement: Statement) -> Instruction {
        switch statement.kind {
        case .expression(let expr):
            return .expression(resolve(expr, scope: []), suppressed: statement.suppressed)
        case .assign(let name, let value):
            return .assign(slot: symbols.slot(for: name), value: resolve(value, scope: []))
        case .assignIndex(let name, let indices, let value):
            return .assignIndex(slot: symbols.slot(for: name), name: name, indices: indices.map { resolve($0, scope: []) },
                                value: resolve(value, scope: []), location: statement.location)
        case .define(let name, let parameters, let body):
            let function = FunctionValue(name: name, parameters: parameters, body: resolve(body, scope: parameters),
                                         location: statement.location)
            return .define(slot: symbols.slot(for: name), function: function)
        case .forIn(let variable, let sequence, let body):
            return .forIn(slot: symbols.slot(for: variable), sequence: resolve(sequence, scope: []), body: resolve(body))
        case .ifElse(let condition, let then, let otherwise):
            return .ifElse(condition: resolve(condition, scope: []), then: resolve(then), else: otherwise.map { resolve($0) })
        case .assert(let condition, let message):
            return .assert(condition: resolve(condition, scope: []), message: message.map { resolve($0, scope: []) },
                           location: statement.location)
        }
    }

    mutating func resolve(_ expr: Expr, scope: [String]) -> Expr {
        let kind: Expr.Kind
        switch expr.kind {
        case .identifier(let name):
            if let index = scope.lastIndex(of: name) {
                kind = .local(name, index: index)
            } else {
                kind = .global(name, slot: symbols.slot(for: name))
            }
        case .number, .string, .bool, .global, .local:
            return expr
        case .list(let items): kind = .list(items.map { resolve($0, scope: scope) })
        case .tuple(let items): kind = .tuple(items.map { resolve($0, scope: scope) })
        case .unary(let op, let operand): kind = .unary(op, resolve(operand, scope: scope))
        case .binary(let op, let lhs, let rhs): kind = .binary(op, resolve(lhs, scope: scope), resolve(rhs, scope: scope))
        case .range(let lhs, let rhs, let closed): kind = .range(resolve(lhs, scope: scope), resolve(rhs, scope: scope), closed: closed)
        case .call(let callee, let arguments):
            kind = .call(resolve(callee, scope: scope), arguments.map {
                Argument(label: $0.label, value: resolve($0.value, scope: scope), location: $0.location)
            })
        case .index(let base, let indices): kind = .index(resolve(base, scope: scope), indices.map { resolve($0, scope: scope) })
        case .member(let base, let name): kind = .member(resolve(base, scope: scope), name)
        case .lambda(let parameters, let body): kind = .lambda(parameters: parameters, body: resolve(body, scope: scope + parameters))
        }
        return Expr(kind, at: expr.location)
    }
}
