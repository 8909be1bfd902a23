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

    /// Resolves a function body (or a cell's expression, with no parameters): names bound by its
    /// blocks become frame positions after `scope` (a function's locals, as in Python: a name
    /// bound anywhere in the body is local to the whole call), and the body is wrapped so that
    /// its frame is extended to hold them.
    mutating func resolve(_ expr: Expr, scope: [String]) -> Expr {
        var frame = scope
        for name in expr.blockBoundNames where !frame.contains(name) { frame.append(name) }
        let body = resolveNames(expr, scope: frame)
        return frame.count > scope.count ? Expr(.frame(size: frame.count, body: body), at: expr.location) : body
    }

    private mutating func resolveNames(_ expr: Expr, scope: [String]) -> Expr {
        let kind: Expr.Kind
        switch expr.kind {
        case .identifier(let name):
            if let index = scope.lastIndex(of: name) {
                kind = .local(name, index: index)
            } else {
                kind = .global(name, slot: symbols.slot(for: name))
            }
        case .number, .string, .bool, .global, .local, .setLocal, .forLocal, .frame:
            return expr
        case .list(let items): kind = .list(items.map { resolveNames($0, scope: scope) })
        case .tuple(let items): kind = .tuple(items.map { resolveNames($0, scope: scope) })
        case .unary(let op, let operand): kind = .unary(op, resolveNames(operand, scope: scope))
        case .binary(let op, let lhs, let rhs): kind = .binary(op, resolveNames(lhs, scope: scope), resolveNames(rhs, scope: scope))
        case .range(let lhs, let rhs, let closed): kind = .range(resolveNames(lhs, scope: scope), resolveNames(rhs, scope: scope), closed: closed)
        case .call(let callee, let arguments):
            kind = .call(resolveNames(callee, scope: scope), arguments.map {
                Argument(label: $0.label, value: resolveNames($0.value, scope: scope), location: $0.location)
            })
        case .index(let base, let indices): kind = .index(resolveNames(base, scope: scope), indices.map { resolveNames($0, scope: scope) })
        case .member(let base, let name): kind = .member(resolveNames(base, scope: scope), name)
        case .lambda(let parameters, let body): kind = .lambda(parameters: parameters, body: resolve(body, scope: scope + parameters))
        case .block(let items): kind = .block(items.map { resolveNames($0, scope: scope) })
        case .ifElse(let condition, let then, let otherwise):
            kind = .ifElse(condition: resolveNames(condition, scope: scope), then: resolveNames(then, scope: scope),
                           else: otherwise.map { resolveNames($0, scope: scope) })
        case .bind(let name, let value):
            // `blockBoundNames` put every bound name in scope before resolving.
            kind = .setLocal(name, index: scope.lastIndex(of: name) ?? 0, value: resolveNames(value, scope: scope))
        case .forIn(let name, let sequence, let body):
            kind = .forLocal(name, index: scope.lastIndex(of: name) ?? 0, sequence: resolveNames(sequence, scope: scope),
                             body: resolveNames(body, scope: scope))
        }
        return Expr(kind, at: expr.location)
    }
}

extension Expr {
    /// Names bound by the blocks of this expression (`x = …`, loop variables), in order of first
    /// appearance, not looking into lambdas (which have frames of their own).
    var blockBoundNames: [String] {
        var names: [String] = []
        collectBlockBoundNames(into: &names)
        return names
    }

    private func collectBlockBoundNames(into names: inout [String]) {
        switch kind {
        case .bind(let name, let value):
            value.collectBlockBoundNames(into: &names)
            if !names.contains(name) { names.append(name) }
        case .forIn(let name, let sequence, let body):
            sequence.collectBlockBoundNames(into: &names)
            if !names.contains(name) { names.append(name) }
            body.collectBlockBoundNames(into: &names)
        case .block(let items), .list(let items), .tuple(let items):
            for item in items { item.collectBlockBoundNames(into: &names) }
        case .ifElse(let condition, let then, let otherwise):
            condition.collectBlockBoundNames(into: &names)
            then.collectBlockBoundNames(into: &names)
            otherwise?.collectBlockBoundNames(into: &names)
        case .unary(_, let operand), .member(let operand, _):
            operand.collectBlockBoundNames(into: &names)
        case .binary(_, let lhs, let rhs), .range(let lhs, let rhs, _):
            lhs.collectBlockBoundNames(into: &names)
            rhs.collectBlockBoundNames(into: &names)
        case .call(let callee, let arguments):
            callee.collectBlockBoundNames(into: &names)
            for argument in arguments { argument.value.collectBlockBoundNames(into: &names) }
        case .index(let base, let indices):
            base.collectBlockBoundNames(into: &names)
            for index in indices { index.collectBlockBoundNames(into: &names) }
        case .number, .string, .bool, .identifier, .global, .local, .lambda, .setLocal, .forLocal, .frame:
            break
        }
    }
}
